/** Owners v3 (`OwnersApi.getPage(email?, after?, limit?, archived?)`, GET /crm/v3/owners/ and /{ownerId}). */
import type { HsOwner } from '../../model.js';
import type { Router } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsError, hsJson } from '../errors.js';
import { isResponse, limitParam } from './common.js';

/** Owners carry no timestamps in the seed model; a fixed date keeps answers stable. */
const OWNER_DATE = '2020-01-01T00:00:00.000Z';

const toWire = (o: HsOwner) => ({
  id: o.id,
  email: o.email,
  firstName: o.firstName,
  lastName: o.lastName,
  userId: o.userId,
  userIdIncludingInactive: o.userId,
  type: 'PERSON',
  teams: [],
  archived: o.archived,
  createdAt: OWNER_DATE,
  updatedAt: OWNER_DATE,
});

export function ownerRoutes(router: Router, ctx: ApiContext): void {
  router.on('GET', '/crm/v3/owners', (req) => {
    const limit = limitParam(req.query.get('limit') ?? undefined, 100, 500);
    if (isResponse(limit)) return limit;
    const archived = req.query.get('archived') === 'true';
    const email = req.query.get('email')?.toLowerCase();
    const owners = ctx.store
      .owners()
      .filter((o) => o.archived === archived && (!email || o.email.toLowerCase() === email));
    // Owners are few (hundreds); an offset cursor is enough.
    const offset = Number(req.query.get('after') ?? '0') || 0;
    const results = owners.slice(offset, offset + limit).map(toWire);
    const paging = offset + limit < owners.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return hsJson(200, { results, ...paging });
  });

  router.on('GET', '/crm/v3/owners/:ownerId', (req) => {
    const id = req.params.ownerId ?? '';
    const idProperty = req.query.get('idProperty') ?? 'id';
    const owner = ctx.store.owners().find((o) => (idProperty === 'userId' ? String(o.userId) === id : o.id === id));
    if (!owner) return hsError(404, 'OBJECT_NOT_FOUND', `Owner ${id} does not exist.`, { context: { id: [id] } });
    return hsJson(200, toWire(owner));
  });
}
