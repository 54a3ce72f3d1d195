export {
  loadOrGenerate,
  loadSnapshot,
  SNAPSHOT_FORMAT,
  saveSnapshot,
  snapshotParams,
  type SnapshotResult,
} from './snapshot.js';
