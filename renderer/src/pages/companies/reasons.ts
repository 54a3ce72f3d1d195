/** Words and colours for the R3.4 reason codes (the codes themselves stay visible: they are what the log shows). */
import type { PreviewReason } from '../../../../shared/contract/preview.js';

export const reasonText: Record<PreviewReason, string> = {
  CREATE_AUTO_ASSOCIATED: 'Created by HubSpot from a contact (R3.2a)',
  CREATE_PRIVATE_CONTACT: 'A contact syncs with a private Salesforce contact (R3.2b)',
  CREATE_INCLUSION_LIST: 'A contact is on the inclusion list (R3.2c)',
  VETO_NO_CONTACTS: 'No associated contacts (R3.1a)',
  VETO_ALL_LEADS: 'Every contact syncs with a lead (R3.1b)',
  VETO_NOT_IN_INCLUSION_LIST: 'No contact on the inclusion list (R3.1c)',
  NO_CRITERION_MET: 'No criterion met (R3.3)',
  ALREADY_LINKED: 'Already linked to an account',
};

export function reasonTone(reason: PreviewReason): 'ok' | 'info' | 'warn' | 'neutral' {
  if (reason.startsWith('CREATE_')) return 'ok';
  if (reason.startsWith('VETO_')) return 'warn';
  return reason === 'ALREADY_LINKED' ? 'info' : 'neutral';
}
