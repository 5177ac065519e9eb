import { createHash } from 'node:crypto';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import type { Finding } from '../uses/use.js';
import { FindingsDigest, type AuditPeriod } from './audit.js';

const BATCH = 1000;

/** An audit finding's id, derived from what it found: a replay of the audit arrives at the same ids. */
export function auditFindingId(auditId: string, found: { kind: string; subject: string }): string {
  return createHash('sha256').update(`${auditId}\n${found.kind}\n${found.subject}`).digest('hex').slice(0, 32);
}

/**
 * Runs the audit's checks over a period and records what they find: use outside window or scope,
 * use without a valid authorisation (none on record, a suspended approval, before the notice
 * clock), deletion overdue, notice overdue, sharing without basis. The store streams each check's
 * rows from one set-based query; findings are written in batches and folded into the digest.
 */
export async function runAuditChecks(tx: Pick<UsesTransaction, 'uses'>, period: AuditPeriod, auditId: string | null, raisedAt: string): Promise<FindingsDigest> {
  const digest = new FindingsDigest();
  let batch: Finding[] = [];
  for await (const found of tx.uses.auditChecks(period)) {
    digest.add(found);
    if (auditId !== null) {
      batch.push({ ...found, id: auditFindingId(auditId, found), audit: auditId, raisedAt });
      if (batch.length >= BATCH) {
        await tx.uses.insertFindings(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) await tx.uses.insertFindings(batch);
  return digest;
}
