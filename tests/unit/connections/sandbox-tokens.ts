/** Fresh tokens from the emulators, so a test that revokes one never breaks the pre-issued tokens others share. */
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';

/** A new access token through the refresh grant of the emulator's pre-issued refresh token. */
export async function freshSalesforceToken(sf: SalesforceEmulator): Promise<string> {
  const response = await fetch(`${sf.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sf.refreshToken, client_id: sf.clientId }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** Whether the emulator still accepts a Salesforce access token (a REST call answers 200, not 401). */
export async function salesforceAccepts(sf: SalesforceEmulator, accessToken: string): Promise<boolean> {
  const response = await fetch(`${sf.url}/services/data/v62.0/limits`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  await response.body?.cancel();
  return response.status === 200;
}

export async function hubspotRefreshTokenExists(hs: HubSpotEmulator, refreshToken: string): Promise<boolean> {
  const response = await fetch(`${hs.url}/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`);
  await response.body?.cancel();
  return response.status === 200;
}
