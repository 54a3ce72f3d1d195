/** The decision codes in plain words (see explanations.ts): hold review and revert. */
import type { ExplanationRow } from './explanations.js';

/** What a person decided for a held record (the hold review), and what a revert does with each write of a run. */
export const decisionRows: Record<string, ExplanationRow> = {
  LINKED_BY_PERSON: [
    'update',
    'Linked by a person',
    'A person chose this company for the account; the two are linked.',
  ],
  CREATED_BY_PERSON: [
    'create',
    'Created by a person',
    'A person chose to create a new company for this account instead of linking it.',
  ],
  HOLD_SKIPPED_BY_PERSON: [
    'skip',
    'Skipped by a person',
    'A person chose not to sync this account; later runs leave it alone.',
    'Choose another decision in Hold review to sync it after all.',
  ],
  DUPLICATE_LINK_CLEARED: [
    'update',
    'Duplicate link cleared',
    'Another company carried the same Salesforce ID; the ID is removed from it so only the chosen company keeps the link.',
  ],
  CHOSEN_COMPANY_TAKEN: [
    'hold',
    'Chosen company taken',
    'The company chosen for this account was linked to another account in the meantime; nothing was written.',
    'Choose again in Hold review.',
  ],
  CHOSEN_COMPANY_GONE: [
    'hold',
    'Chosen company gone',
    'The company chosen for this account is no longer in HubSpot; nothing was written.',
    'Choose again in Hold review.',
  ],
  REVERT: ['update', 'Restored', 'The value from before the run is written back.'],
  CHANGED_SINCE_RUN: [
    'hold',
    'Changed since the run',
    'The field changed again after the run, so the revert leaves the newer value as it is.',
    'Check the record, then change it by hand if the older value should come back.',
  ],
  RECORD_GONE: [
    'hold',
    'Record gone',
    'The record was deleted or archived after the run, so there is nothing to restore.',
  ],
  CREATED_KEPT: [
    'skip',
    'Created record kept',
    'The run created this record; the revert keeps it.',
    'Revert with "delete created records" to remove records the run created.',
  ],
  REVERT_ARCHIVE_CREATED: ['update', 'Created company archived', 'The revert archives a company the run created.'],
  REVERT_DELETE_CREATED: ['update', 'Created account deleted', 'The revert deletes an account the run created.'],
  ARCHIVE_NOT_REVERTED: [
    'skip',
    'Archived company not restored',
    'The run archived this company; a revert cannot bring it back.',
    "Restore the company from HubSpot's recycle bin if it should come back.",
  ],
  APPLY_MAPPING: [
    'update',
    'Mapping applied',
    'The mapped field is written by its sync rule; no other field is touched.',
  ],
  FIELD_UP_TO_DATE: ['skip', 'Field up to date', 'Both records already hold the same value in the mapped field.'],
  LINKED_RECORD_GONE: [
    'skip',
    'Linked record gone',
    'One side of the link is deleted or archived, so the mapped field is not written.',
    'Run a sync to clear the link, or restore the record.',
  ],
  PARENT_CHANGED: [
    'update',
    'Parent changed',
    "The account's parent account and the company's parent company are made the same, by the same rules as a field (Salesforce wins unless only HubSpot changed).",
  ],
  PARENT_NOT_LINKED: [
    'hold',
    'Parent not linked',
    'The parent on one side has no linked record on the other side, so the parent was not set there.',
    'Import or link the parent record, then sync again.',
  ],
  HIERARCHY_LOOP: [
    'hold',
    'Parent loop',
    'The parent changes made on both sides would make records each other’s parents; nothing was written for them.',
    'Fix the parent in Salesforce or HubSpot so there is no loop, then sync again.',
  ],
};
