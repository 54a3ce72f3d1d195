// The executor's view of the remote systems (re-exported so execute/ reads as one place).
export { RemoteError, type RecordResult } from '../../connectors/types.js';
export type { Remotes } from '../refresh/remotes.js';
