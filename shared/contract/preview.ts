/** R3.4 the preview of HubSpot → Salesforce account creation, as the renderer and the CLI see it. */

/** Every reason code a preview can give (SYNC_OFF only ever answers an automatic evaluation, never a preview). */
export const previewReasons = [
  'CREATE_AUTO_ASSOCIATED',
  'CREATE_PRIVATE_CONTACT',
  'CREATE_INCLUSION_LIST',
  'VETO_NO_CONTACTS',
  'VETO_ALL_LEADS',
  'VETO_NOT_IN_INCLUSION_LIST',
  'NO_CRITERION_MET',
  'ALREADY_LINKED',
] as const;

export type PreviewReason = (typeof previewReasons)[number];

export interface PreviewCompany {
  id: string;
  name: string | null;
  reason: PreviewReason;
  /** The contacts behind the reason. */
  contactIds: string[];
  decision: 'create' | 'skip';
  ownerId: string | null;
  createdAt: string;
  /** Associated contacts the cache could not read (archived, no permission): left out of the decision. */
  unreadableContactIds: string[];
  /** The Salesforce account this company is linked to, named from the cache (name null when not cached yet). */
  linkedAccount: { id: string; name: string | null } | null;
}

/** Something that makes the preview less certain, with the record it is about (the rest is still computed). */
export interface PreviewProblem {
  code: 'INCLUSION_LIST_NOT_FOUND' | 'INCLUSION_LIST_NOT_READ' | 'CONTACTS_UNREADABLE' | 'REFRESH_FAILED';
  message: string;
  recordId: string | null;
}

export interface CompaniesPreview {
  /** Companies per reason, over the whole filter (not just this page). */
  counts: Record<PreviewReason, number>;
  companies: PreviewCompany[];
  /** Companies matching the filter and the reason. */
  total: number;
  /** The id to pass as `afterId` for the next page, or null on the last page. */
  nextAfterId: string | null;
  /** Whether company sync is on: a `create` happens only once it is (R1.1). */
  syncEnabled: boolean;
  problems: PreviewProblem[];
  computedAt: string;
}
