import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AuditPeriod } from '../../oversight/audits/audit.js';
import type { Finding, FindingKind } from '../../oversight/uses/use.js';
import type { Database } from '../schema.js';

type Found = Omit<Finding, 'id' | 'audit' | 'raisedAt'>;
const PAGE = 5000;

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** One check: a set-based query over the period (every row it returns is a finding), and how a row reads. */
interface Check {
  readonly kind: FindingKind;
  /** Rows with `id` greater than `after`, in id order, at most `limit`. */
  query(period: AuditPeriod, after: string, limit: number): RawBuilder<Record<string, string | null>>;
  subject(row: Record<string, string | null>): string;
  detail(row: Record<string, string | null>): string;
}

const usesOf = (p: AuditPeriod) => sql`u.agency = ${p.agency} and u.occurred_at >= ${p.periodStart} and u.occurred_at < ${dayAfter(p.periodEnd)}`;
const day = (at: string | null | undefined) => (at ?? '').slice(0, 10);

const CHECKS: readonly Check[] = [
  {
    kind: 'use-without-authorization',
    query: (p, after, limit) => sql`select u.id, u.cited from oversight_uses u where ${usesOf(p)} and u.authorization_id is null and u.id > ${after} order by u.id limit ${limit}`,
    subject: (r) => `use:${r['id']}`,
    detail: (r) => `cites ${r['cited']}, which is no authorisation on record`,
  },
  {
    kind: 'use-under-suspended-approval',
    query: (p, after, limit) => sql`select u.id, u.authorization_id as auth from oversight_uses u where ${usesOf(p)} and u.authorization_id is not null and u.approval_active = 0 and u.id > ${after} order by u.id limit ${limit}`,
    subject: (r) => `use:${r['id']}`,
    detail: (r) => `recorded under authorisation ${r['auth']} while its approval was not active`,
  },
  {
    kind: 'use-before-notice-clock',
    query: (p, after, limit) => sql`select u.id, u.occurred_at as at from oversight_uses u where ${usesOf(p)} and u.before_notice_clock = 1 and u.id > ${after} order by u.id limit ${limit}`,
    subject: (r) => `use:${r['id']}`,
    detail: (r) => `on ${day(r['at'])}, before operational use opened`,
  },
  {
    kind: 'use-outside-window',
    query: (p, after, limit) => sql`select u.id, u.occurred_at as at, a.id as auth, a.valid_from as vf, a.valid_to as vt from oversight_uses u join oversight_authorizations a on a.id = u.authorization_id
      where ${usesOf(p)} and (substr(u.occurred_at, 1, 10) < a.valid_from or substr(u.occurred_at, 1, 10) > a.valid_to) and u.id > ${after} order by u.id limit ${limit}`,
    subject: (r) => `use:${r['id']}`,
    detail: (r) => `on ${day(r['at'])}; authorisation ${r['auth']} runs ${r['vf']} to ${r['vt']}`,
  },
  {
    kind: 'use-beyond-scope',
    // Each data category is a bit: a use is beyond scope when its mask has a bit the scope lacks.
    query: (p, after, limit) => sql`select u.id, u.data_categories as used, a.data_categories as scope from oversight_uses u join oversight_authorizations a on a.id = u.authorization_id
      where ${usesOf(p)} and (u.category_mask | a.scope_mask) <> a.scope_mask and u.id > ${after} order by u.id limit ${limit}`,
    subject: (r) => `use:${r['id']}`,
    detail: (r) => `collected ${(JSON.parse(r['used'] ?? '[]') as string[]).join(', ')} under a scope of ${(JSON.parse(r['scope'] ?? '[]') as string[]).join(', ')}`,
  },
  {
    kind: 'deletion-overdue',
    query: (p, after, limit) => sql`select a.id, a.deletion_due_on as due, a.deleted_at as done from oversight_authorizations a
      where a.agency = ${p.agency} and a.deletion_due_on >= ${p.periodStart} and a.deletion_due_on <= ${p.periodEnd} and a.deletion_due_on < ${day(p.asOf)}
        and (a.deleted_at is null or substr(a.deleted_at, 1, 10) > a.deletion_due_on) and a.id > ${after} order by a.id limit ${limit}`,
    subject: (r) => `authorization:${r['id']}`,
    detail: (r) => (r['done'] === null ? `deletion was due on ${r['due']} and is not confirmed` : `deletion was due on ${r['due']}, confirmed only on ${day(r['done'])}`),
  },
  {
    kind: 'notice-overdue',
    query: (p, after, limit) => sql`select a.id, a.notice_due_on as due, a.notice_given_at as done from oversight_authorizations a
      where a.agency = ${p.agency} and a.notice_due_on >= ${p.periodStart} and a.notice_due_on <= ${p.periodEnd} and a.notice_due_on < ${day(p.asOf)}
        and (a.notice_given_at is null or substr(a.notice_given_at, 1, 10) > a.notice_due_on) and a.id > ${after} order by a.id limit ${limit}`,
    subject: (r) => `authorization:${r['id']}`,
    detail: (r) => (r['done'] === null ? `the target was to be told by ${r['due']} and no notice is recorded` : `the target was to be told by ${r['due']}, told only on ${day(r['done'])}`),
  },
  {
    kind: 'sharing-without-basis',
    query: (p, after, limit) => sql`select s.id, s.recipient, s.shared_at as at from oversight_sharings s
      where s.agency = ${p.agency} and s.shared_at >= ${p.periodStart} and s.shared_at < ${dayAfter(p.periodEnd)} and s.legal_basis is null and s.id > ${after} order by s.id limit ${limit}`,
    subject: (r) => `sharing:${r['id']}`,
    detail: (r) => `shared with ${r['recipient']} on ${day(r['at'])} citing no legal basis`,
  },
];

/**
 * Every check of an audit, streamed: each is one set-based query over the period's uses,
 * authorisations or sharings (index range scans, joins in the database), read in pages of
 * findings by id — never a query per use.
 */
export async function* auditChecks(db: Kysely<Database>, period: AuditPeriod): AsyncGenerator<Found> {
  for (const check of CHECKS) {
    let after = '';
    for (;;) {
      const { rows } = await check.query(period, after, PAGE).execute(db);
      for (const row of rows) yield { agency: period.agency, kind: check.kind, subject: check.subject(row), detail: check.detail(row) };
      const last = rows[rows.length - 1];
      if (rows.length < PAGE || !last) break;
      after = String(last['id']);
    }
  }
}
