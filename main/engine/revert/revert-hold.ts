/** A revert's decision not to write one record back, with its reason and the reverted op it answers. */
import type { OpRow, PlannedOp } from '../runs/ops-store.js';

export const held = (op: OpRow, reason: string, message: string, facts: Record<string, unknown> = {}): PlannedOp => ({
  system: op.system,
  operation: 'hold',
  sfAccountId: op.sfAccountId,
  hsCompanyId: op.hsCompanyId,
  payload: null,
  diff: [],
  reason,
  detail: JSON.stringify({ category: null, message, revertOf: { runId: op.runId, seq: op.seq }, ...facts }),
});
