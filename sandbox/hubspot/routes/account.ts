/**
 * Account information v3: `GET /account-info/v3/details`, the call that tells a private-app token (which carries
 * no hub id, unlike OAuth token info) which portal it belongs to. Shape from HubSpot's reference
 * (developers.hubspot.com/docs/api-reference/legacy/account/account-information/get-account-details):
 * portalId, accountType, timeZone, companyCurrency, additionalCurrencies, utcOffset, utcOffsetMilliseconds,
 * uiDomain, dataHostingLocation. Any valid token may call it (the reference asks for the `oauth` scope, which every
 * OAuth app has; private-app tokens need none).
 */
import type { Router } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsJson } from '../errors.js';

export interface AccountSettings {
  accountType: 'STANDARD' | 'DEVELOPER_TEST' | 'SANDBOX' | 'APP_DEVELOPER';
  /** An IANA zone; the UTC offset is derived from it at the emulator's clock, so it follows daylight saving. */
  timeZone: string;
  companyCurrency: string;
  additionalCurrencies: string[];
  uiDomain: string;
  dataHostingLocation: string;
}

/** A US portal as HubSpot sets one up by default. */
export const DEFAULT_ACCOUNT: AccountSettings = {
  accountType: 'STANDARD',
  timeZone: 'US/Eastern',
  companyCurrency: 'USD',
  additionalCurrencies: [],
  uiDomain: 'app.hubspot.com',
  dataHostingLocation: 'na1',
};

/** `-05:00` and -18000000 for US/Eastern in winter. */
export function utcOffset(timeZone: string, at: Date): { utcOffset: string; utcOffsetMilliseconds: number } {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  // "GMT-05:00"; plain "GMT" for UTC itself.
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return { utcOffset: '+00:00', utcOffsetMilliseconds: 0 };
  const sign = match[1] === '-' ? -1 : 1;
  const ms = sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return { utcOffset: `${match[1]}${match[2]}:${match[3]}`, utcOffsetMilliseconds: ms };
}

export function accountRoutes(router: Router, ctx: ApiContext, account: AccountSettings): void {
  router.on('GET', '/account-info/v3/details', () =>
    hsJson(200, {
      portalId: ctx.tokens.owner.hubId,
      accountType: account.accountType,
      timeZone: account.timeZone,
      companyCurrency: account.companyCurrency,
      additionalCurrencies: [...account.additionalCurrencies],
      ...utcOffset(account.timeZone, ctx.now()),
      uiDomain: account.uiDomain,
      dataHostingLocation: account.dataHostingLocation,
    }),
  );
}
