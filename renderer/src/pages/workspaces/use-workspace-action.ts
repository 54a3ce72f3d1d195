import { useState } from 'react';
import type { ConsoleApi } from '../../../../shared/contract/api.js';
import type { OpError, Result } from '../../../../shared/contract/result.js';
import type { WorkspacesView } from '../../../../shared/contract/workspaces.js';
import { useApi } from '../../client/context.js';

export interface WorkspaceAction {
  busy: boolean;
  error: OpError | null;
  done: string | null;
  /** Runs one workspace operation; the list itself follows the `workspace` event. Answers whether it worked. */
  run(call: (api: ConsoleApi) => Promise<Result<WorkspacesView>>, doneText: string): Promise<boolean>;
}

export function useWorkspaceAction(): WorkspaceAction {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    busy,
    error,
    done,
    run: async (call, doneText) => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        const result = await call(api);
        if (result.ok) setDone(doneText);
        else setError(result.error);
        return result.ok;
      } finally {
        setBusy(false);
      }
    },
  };
}
