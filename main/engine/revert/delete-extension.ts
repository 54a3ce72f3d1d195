/**
 * Salesforce writes of a revert: restored fields go out as updates; accounts the reverted run created are deleted
 * when the person asked for it. A delete replayed after a crash finds the account already gone: that is success.
 */
import { markSfAccountsDeleted } from '../cache/salesforce-cache.js';
import { applySalesforceWrite, payloadOf } from '../execute/effects.js';
import { NO_RESULT, type OpExtension } from '../execute/executor.js';
import type { RecordResult } from '../execute/remote-types.js';
import type { OpRow } from '../runs/ops-store.js';
import { clearFieldBases, removeLink } from '../state/links.js';

const isDelete = (op: OpRow) => (payloadOf(op) as { delete?: boolean }).delete === true;

export const revertSalesforceExtension: OpExtension = {
  system: 'salesforce',
  operation: 'update',
  async send(remotes, batch) {
    const sf = remotes.salesforce();
    const deletes = batch.filter(isDelete);
    const updates = batch.filter((op) => !isDelete(op));
    const answers = new Map<OpRow, RecordResult>();
    if (deletes.length > 0) {
      const results = await sf.destroy(
        'Account',
        deletes.map((op) => op.sfAccountId as string),
      );
      deletes.forEach((op, i) => {
        const r = results[i];
        if (r)
          answers.set(op, !r.ok && r.code === 'ENTITY_IS_DELETED' ? { ok: true, id: op.sfAccountId as string } : r);
      });
    }
    if (updates.length > 0) {
      const results = await sf.update(
        'Account',
        updates.map((op) => ({ Id: op.sfAccountId as string, ...(payloadOf(op).fields ?? {}) })),
      );
      updates.forEach((op, i) => {
        const r = results[i];
        if (r) answers.set(op, r);
      });
    }
    return batch.map((op) => answers.get(op) ?? NO_RESULT);
  },
  confirmed(db, op, _result, at) {
    if (!isDelete(op)) return applySalesforceWrite(db, op, at);
    const id = op.sfAccountId as string;
    markSfAccountsDeleted(db, [id]);
    removeLink(db, id);
    clearFieldBases(db, id);
  },
};
