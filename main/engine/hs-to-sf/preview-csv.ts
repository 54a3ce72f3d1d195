/** R3.4 the preview as RFC 4180 CSV: one line per company, contact ids separated by spaces within their cell. */
import type { PreviewCompany } from '../../../shared/contract/index.js';
import { csvLine } from '../log/csv.js';

export const PREVIEW_CSV_HEADER = csvLine([
  'company_id',
  'name',
  'reason',
  'decision',
  'contact_ids',
  'owner_id',
  'created_at',
  'unreadable_contact_ids',
  'sf_account_id',
  'sf_account_name',
]);

export const previewCsvLine = (c: PreviewCompany): string =>
  csvLine([
    c.id,
    c.name,
    c.reason,
    c.decision,
    c.contactIds.join(' '),
    c.ownerId,
    c.createdAt,
    c.unreadableContactIds.join(' '),
    c.linkedAccount?.id ?? null,
    c.linkedAccount?.name ?? null,
  ]);
