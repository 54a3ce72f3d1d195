export { type AdminServer, startAdminServer } from './admin.js';
export { LimitSpecError, limitValue, parseHsLimit } from './limits.js';
