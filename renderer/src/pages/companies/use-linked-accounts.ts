import { useEffect, useState } from 'react';
import type { PreviewCompany } from '../../../../shared/contract/preview.js';
import { useApi } from '../../client/context.js';

export interface LinkedAccount {
  id: string;
  name: string | null;
}

/**
 * The Salesforce account of each linked company on the page, from the log (the entry that linked or wrote the pair
 * carries the account's id and name). The preview names only the reason; a company linked elsewhere (another
 * laptop, HubSpot's own integration) has no entry here and is shown as linked without a name.
 */
export function useLinkedAccounts(companies: PreviewCompany[]): Record<string, LinkedAccount> {
  const api = useApi();
  const [accounts, setAccounts] = useState<Record<string, LinkedAccount>>({});
  const ids = companies.filter((c) => c.reason === 'ALREADY_LINKED').map((c) => c.id);
  const key = ids.join(',');

  useEffect(() => {
    let active = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(
      wanted.map(async (id) => {
        const result = await api.queryLog({ recordId: id, limit: 20 });
        const entry = result.ok ? result.value.entries.find((e) => e.sfAccountId && e.hsCompanyId === id) : undefined;
        return entry?.sfAccountId ? ([id, { id: entry.sfAccountId, name: entry.name }] as const) : null;
      }),
    ).then((found) => {
      if (active) setAccounts(Object.fromEntries(found.filter((f) => f !== null)));
    });
    return () => {
      active = false;
    };
  }, [api, key]);

  return accounts;
}
