import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AuditPeriod } from '../../oversight/audits/audit.js';
import type { Finding, FindingKind } from '../../oversight/uses/use.js';
import type { Database } from '../schema.js';

type Found = Omit<Finding, 'id' | 'audit' | 'raisedAt'>;
const PAGE = 5000;

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** One check: a set-based query over the period (every row it returns holds findings), and the findings a row holds. */
interface Check {
  /** Rows with `id` greater than `after`, in id order, at most `limit`. */
  query(period: AuditPeriod, after: string, limit: number): RawBuilder<Record<string, string | number | null>>;
  findings(row: Record<string, string | number | null>): { kind: FindingKind; subject: string; detail: string }[];
}

const usesOf = (p: AuditPeriod) => sql`u.agency = ${p.agency} and u.occurred_at >= ${p.periodStart} and u.occurred_at < ${dayAfter(p.periodEnd)}`;
const day = (at: string | number | null | undefined) => String(at ?? '').slice(0, 10);
const text = (v: string | number | null | undefined) => String(v ?? '');
const list = (v: string | number | null | undefined) => (JSON.parse(text(v) || '[]') as string[]).join(', ');

/** Every check over uses in one pass: a use is read once, and yields each breach it holds. */
const useChecks: Check = {
  query: (p, after, limit) => sql`select u.id, u.cited, u.occurred_at as at, u.authorization_id as auth, u.approval_active as active, u.before_notice_clock as early,
      u.data_categories as used, a.valid_from as vf, a.valid_to as vt, a.data_categories as scope,
      case when a.id is not null and (u.category_mask | a.scope_mask) <> a.scope_mask then 1 else 0 end as beyond
    from oversight_uses u left join oversight_authorizations a on a.id = u.authorization_id
    where ${usesOf(p)} and u.id > ${after} and (
      a.id is null or u.approval_active = 0 or u.before_notice_clock = 1
      or substr(u.occurred_at, 1, 10) < a.valid_from or substr(u.occurred_at, 1, 10) > a.valid_to
      or (u.category_mask | a.scope_mask) <> a.scope_mask)
    order by u.id limit ${limit}`,
  findings(r) {
    const subject = `use:${text(r['id'])}`;
    if (r['auth'] === null || r['vf'] === null) return [{ kind: 'use-without-authorization', subject, detail: `cites ${text(r['cited'])}, which is no authorisation on record` }];
    const out: { kind: FindingKind; subject: string; detail: string }[] = [];
    if (Number(r['active']) === 0) out.push({ kind: 'use-under-suspended-approval', subject, detail: `recorded under authorisation ${text(r['auth'])} while its approval was not active` });
    if (Number(r['early']) === 1) out.push({ kind: 'use-before-notice-clock', subject, detail: `on ${day(r['at'])}, before operational use opened` });
    if (day(r['at']) < text(r['vf']) || day(r['at']) > text(r['vt'])) out.push({ kind: 'use-outside-window', subject, detail: `on ${day(r['at'])}; authorisation ${text(r['auth'])} runs ${text(r['vf'])} to ${text(r['vt'])}` });
    if (Number(r['beyond']) === 1) out.push({ kind: 'use-beyond-scope', subject, detail: `collected ${list(r['used'])} under a scope of ${list(r['scope'])}` });
    return out;
  },
};

const CHECKS: readonly Check[] = [
  useChecks,
  {
    query: (p, after, limit) => sql`select a.id, a.deletion_due_on as due, a.deleted_at as done from oversight_authorizations a
      where a.agency = ${p.agency} and a.deletion_due_on >= ${p.periodStart} and a.deletion_due_on <= ${p.periodEnd} and a.deletion_due_on < ${day(p.asOf)}
        and (a.deleted_at is null or substr(a.deleted_at, 1, 10) > a.deletion_due_on) and a.id > ${after} order by a.id limit ${limit}`,
    findings: (r) => [{
      kind: 'deletion-overdue', subject: `authorization:${text(r['id'])}`,
      detail: r['done'] === null ? `deletion was due on ${text(r['due'])} and is not confirmed` : `deletion was due on ${text(r['due'])}, confirmed only on ${day(r['done'])}`,
    }],
  },
  {
    query: (p, after, limit) => sql`select a.id, a.notice_due_on as due, a.notice_given_at as done from oversight_authorizations a
      where a.agency = ${p.agency} and a.notice_due_on >= ${p.periodStart} and a.notice_due_on <= ${p.periodEnd} and a.notice_due_on < ${day(p.asOf)}
        and (a.notice_given_at is null or substr(a.notice_given_at, 1, 10) > a.notice_due_on) and a.id > ${after} order by a.id limit ${limit}`,
    findings: (r) => [{
      kind: 'notice-overdue', subject: `authorization:${text(r['id'])}`,
      detail: r['done'] === null ? `the target was to be told by ${text(r['due'])} and no notice is recorded` : `the target was to be told by ${text(r['due'])}, told only on ${day(r['done'])}`,
    }],
  },
  {
    query: (p, after, limit) => sql`select s.id, s.recipient, s.shared_at as at from oversight_sharings s
      where s.agency = ${p.agency} and s.shared_at >= ${p.periodStart} and s.shared_at < ${dayAfter(p.periodEnd)} and s.legal_basis is null and s.id > ${after} order by s.id limit ${limit}`,
    findings: (r) => [{ kind: 'sharing-without-basis', subject: `sharing:${text(r['id'])}`, detail: `shared with ${text(r['recipient'])} on ${day(r['at'])} citing no legal basis` }],
  },
];

/**
 * Every check of an audit, streamed: one set-based pass over the period's uses (all five use
 * checks at once), one over its authorisations per deadline kind, one over its sharings — joins
 * in the database, rows read in pages by id — never a query per use.
 */
export async function* auditChecks(db: Kysely<Database>, period: AuditPeriod): AsyncGenerator<Found> {
  for (const check of CHECKS) {
    let after = '';
    for (;;) {
      const { rows } = await check.query(period, after, PAGE).execute(db);
      for (const row of rows) for (const found of check.findings(row)) yield { agency: period.agency, ...found };
      const last = rows[rows.length - 1];
      if (rows.length < PAGE || !last) break;
      after = String(last['id']);
    }
  }
}
