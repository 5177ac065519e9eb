import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../ledger/catalogue/event-definition.js';
import { deadlineFiredData } from '../ledger/catalogue/step-event-data.js';
import { LEGAL_AUTHORITIES, type Authorization } from './authorizations/authorization.js';
import { dataCategoryListSchema } from './authorizations/data-categories.js';
import { offenceCategorySchema } from './authorizations/offence-categories.js';
import { DELETION_DUE_EVENT, NOTICE_GIVEN_EVENT, TARGET_NOTICE_DUE_EVENT, TARGET_SHREDDED_EVENT } from './authorizations/authorization-workflow.js';
import { runAuditChecks } from './audits/run-audit-checks.js';
import type { WiretapStatistics } from './audits/wiretap-statistics.js';
import { FINDING_KINDS, type Finding } from './uses/use.js';
import type { UsesTransaction } from './uses/uses-transaction.js';

const stepBase = { from: z.string().optional(), to: z.string().optional(), occurredAt: z.string().optional() };
/** A step's data with its case id under a typed key (the shape `stepEventData` checks, with types replays can read). */
const onAuthorization = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ authorization: z.string().min(1), ...stepBase, ...shape });
const onUse = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ use: z.string().min(1), ...stepBase, ...shape });
const onAudit = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ audit: z.string().min(1), ...stepBase, ...shape });

const findingsData = z.array(z.strictObject({ id: z.string(), kind: z.enum(FINDING_KINDS), detail: z.string() }));
const text = z.string();

const grantedData = onAuthorization({
  agency: text, review: text, product: text, offenceCategory: text, offenceLabel: text, offenceStatute: text, legalAuthority: z.enum(LEGAL_AUTHORITIES),
  issuingCourt: text, jurisdiction: text, targetPseudonym: z.string().regex(/^[0-9a-f]{64}$/), dataCategories: dataCategoryListSchema,
  validFrom: text, validTo: text, originalValidTo: text, extensions: z.number().int(), retentionDays: z.number().int(), deletionDueOn: text, deletedAt: text.nullable(),
  noticeDueOn: text, noticeExtensions: z.number().int(), noticeGivenAt: text.nullable(),
});

async function authorizationOf(tx: UsesTransaction, id: string): Promise<Authorization> {
  const found = await tx.uses.authorization(id);
  if (!found) throw new Error(`the log refers to authorisation ${id} before granting it`);
  return found;
}

const findingRows = (agency: string, subject: string, raisedAt: string, findings: z.infer<typeof findingsData>): Finding[] =>
  findings.map((f) => ({ id: f.id, agency, kind: f.kind, subject, detail: f.detail, audit: null, raisedAt }));

/**
 * Entries of authorised uses and audits. Each carries what the public sees, so `log replay`
 * rebuilds the tables; an audit's replay re-runs its checks over the rebuilt tables as of the
 * recorded instant and must reach the digest the entry committed to.
 */
export const usesEvents: readonly EventDefinition<unknown, UsesTransaction>[] = [
  defineEvent({
    type: 'oversight.offence-categories.configured', summary: 'An operator configured the serious-crime categories an authorisation may name (the whole list).',
    data: z.strictObject({ categories: z.array(offenceCategorySchema).min(1) }), sealed: [], replays: 'replaces the configured categories',
    async replay(d, _meta, tx) {
      await tx.uses.replaceOffenceCategories(d.categories);
    },
  }),
  defineEvent({
    type: 'oversight.authorization.granted', summary: 'An officer authorised use of a product under an active approval, for a serious crime, with the docket number and target sealed (the target also as a keyed pseudonym).',
    data: grantedData, sealed: ['docketNumber', 'target'], replays: 'adds the authorisation (sealed fields stay sealed)',
    async replay(d, meta, tx) {
      await tx.uses.insertAuthorization({
        id: d.authorization, agency: d.agency, review: d.review, product: d.product, offenceCategory: d.offenceCategory, legalAuthority: d.legalAuthority, issuingCourt: d.issuingCourt,
        jurisdiction: d.jurisdiction, docketRef: null, targetRef: null, targetPseudonym: d.targetPseudonym, dataCategories: d.dataCategories, validFrom: d.validFrom, validTo: d.validTo,
        originalValidTo: d.originalValidTo, extensions: d.extensions, retentionDays: d.retentionDays, deletionDueOn: d.deletionDueOn, deletedAt: d.deletedAt, noticeDueOn: d.noticeDueOn,
        noticeExtensions: d.noticeExtensions, noticeGivenAt: d.noticeGivenAt, status: 'authorized', recordedAt: meta.time, entryId: 0, unsealed: {}, targetShreddedAt: null,
      });
    },
  }),
  defineEvent({
    type: 'oversight.authorization.extended', summary: 'A court order extended an authorisation’s window (the deletion date moves with it).',
    data: onAuthorization({ validTo: text, deletionDueOn: text, courtOrder: text, extensions: z.number().int() }), sealed: [], replays: 'moves the window’s end and the deletion date',
    async replay(d, _meta, tx) {
      await tx.uses.updateAuthorization(d.authorization, { validTo: d.validTo, deletionDueOn: d.deletionDueOn, extensions: d.extensions });
    },
  }),
  defineEvent({
    type: 'oversight.authorization.notice-extended', summary: 'A court order delayed the notice to the target.',
    data: onAuthorization({ noticeDueOn: text, courtOrder: text, noticeExtensions: z.number().int() }), sealed: [], replays: 'moves the notice date',
    async replay(d, _meta, tx) {
      await tx.uses.updateAuthorization(d.authorization, { noticeDueOn: d.noticeDueOn, noticeExtensions: d.noticeExtensions });
    },
  }),
  defineEvent({
    type: NOTICE_GIVEN_EVENT, summary: 'The target of an authorisation was told.',
    data: onAuthorization({ noticeGivenAt: text, note: text.optional() }), sealed: [], replays: 'records the notice',
    async replay(d, _meta, tx) {
      await tx.uses.updateAuthorization(d.authorization, { noticeGivenAt: d.noticeGivenAt, status: 'notice-given' });
    },
  }),
  defineEvent({
    type: 'oversight.authorization.data-deleted', summary: 'The agency confirmed that data collected under an authorisation was deleted.',
    data: onAuthorization({ deletedAt: text, note: text.optional() }), sealed: [], replays: 'records the deletion',
    async replay(d, _meta, tx) {
      await tx.uses.updateAuthorization(d.authorization, { deletedAt: d.deletedAt });
    },
  }),
  defineEvent({
    type: 'oversight.authorization.shared', summary: 'Data collected under an authorisation was shared outside the agency (recipient, legal basis); sharing without a basis is a finding.',
    data: onAuthorization({ sharing: text, recipient: text, legalBasis: text.nullable(), sharedAt: text, findings: findingsData }), sealed: [], replays: 'adds the sharing and its findings',
    async replay(d, meta, tx) {
      const a = await authorizationOf(tx, d.authorization);
      await tx.uses.insertSharing({ id: d.sharing, authorization: a.id, agency: a.agency, recipient: d.recipient, legalBasis: d.legalBasis, sharedAt: d.sharedAt, recordedAt: meta.time });
      await tx.uses.insertFindings(findingRows(a.agency, `sharing:${d.sharing}`, meta.time, d.findings));
    },
  }),
  defineEvent({
    type: 'oversight.authorization.unsealed', summary: 'A court ordered a sealed field of an authorisation published: its value and the opening of the commitment in the authorisation’s entry.',
    data: onAuthorization({ field: z.enum(['docketNumber', 'target']), value: text, opening: z.string().regex(/^[0-9a-f]+$/), index: z.string().regex(/^\d+$/), courtOrder: text }),
    sealed: [], replays: 'publishes the field',
    async replay(d, _meta, tx) {
      const a = await authorizationOf(tx, d.authorization);
      await tx.uses.updateAuthorization(a.id, { unsealed: { ...a.unsealed, [d.field]: d.value } });
    },
  }),
  defineEvent({
    type: TARGET_SHREDDED_EVENT, summary: 'Retention ended and the target had been told: the sealed target of an authorisation was crypto-shredded (the log keeps the commitment, nobody can open it again); the docket number stays sealed for a court.',
    data: onAuthorization({ shredded: z.array(z.literal('target')).min(1), keptSealed: z.array(z.literal('docketNumber')), deletionDueOn: text, valuesShredded: z.number().int().min(0) }),
    sealed: [], replays: 'records when the target was shredded',
    async replay(d, meta, tx) {
      await tx.uses.updateAuthorization(d.authorization, { targetShreddedAt: meta.time });
    },
  }),
  defineEvent({ type: TARGET_NOTICE_DUE_EVENT, summary: 'The delayed-notice date of an authorisation arrived: the target is due to be told.', data: deadlineFiredData, sealed: [] }),
  defineEvent({ type: DELETION_DUE_EVENT, summary: 'The retention period of data collected under an authorisation ended: it is due for deletion.', data: deadlineFiredData, sealed: [] }),
  defineEvent({
    type: 'oversight.use.recorded', summary: 'An agency recorded a use of a product, citing an authorisation; every breach (window, scope, suspended approval, notice clock, no authorisation) is a public finding in the same entry.',
    data: onUse({ agency: text, authorization: text.nullable(), cited: text, dataCategories: dataCategoryListSchema, approvalActive: z.boolean(), findings: findingsData }),
    sealed: [], replays: 'adds the use and its findings',
    async replay(d, meta, tx) {
      await tx.uses.insertUse({
        id: d.use, agency: d.agency, authorization: d.authorization, cited: d.cited, occurredAt: d.occurredAt ?? meta.time, recordedAt: meta.time, dataCategories: d.dataCategories,
        approvalActive: d.approvalActive, beforeNoticeClock: d.findings.some((f) => f.kind === 'use-before-notice-clock'),
      });
      await tx.uses.insertFindings(findingRows(d.agency, `use:${d.use}`, meta.time, d.findings));
    },
  }),
  defineEvent({
    type: 'oversight.audit.run', summary: 'An auditor ran the post-use checks over an agency’s period: the findings’ count by kind and a digest of them.',
    data: onAudit({ agency: text, periodStart: text, periodEnd: text, asOf: text, findingsCount: z.number().int(), findingsDigest: z.string().regex(/^[0-9a-f]{64}$/), findingsByKind: z.partialRecord(z.enum(FINDING_KINDS), z.number().int()) }),
    sealed: [], replays: 're-runs the checks as of the recorded instant and adds the audit and its findings (the digest must match)',
    async replay(d, meta, tx) {
      const period = { agency: d.agency, periodStart: d.periodStart, periodEnd: d.periodEnd, asOf: d.asOf };
      const digest = await runAuditChecks(tx, period, d.audit, meta.time);
      if (digest.digest() !== d.findingsDigest) throw new Error(`audit ${d.audit}: the checks over the replayed tables found ${digest.count} findings (digest ${digest.digest()}), the entry recorded ${d.findingsCount} (${d.findingsDigest})`);
      await tx.uses.insertAudit({ id: d.audit, ...period, status: 'run', runBy: meta.actor, findingsCount: d.findingsCount, findingsDigest: d.findingsDigest, findingsByKind: d.findingsByKind, signedOffAt: null, signedOffBy: null, note: null, statistics: null });
    },
  }),
  defineEvent({
    type: 'oversight.audit.signed-off', summary: 'An auditor signed off an audit and published its statistics (in the shape of the Wiretap Report; nothing sealed).',
    data: onAudit({ statistics: z.record(z.string(), z.json()), note: text.optional() }), sealed: [], replays: 'publishes the statistics',
    async replay(d, meta, tx) {
      await tx.uses.updateAudit(d.audit, { status: 'signed-off', signedOffAt: meta.time, signedOffBy: meta.actor, note: d.note ?? null, statistics: d.statistics as unknown as WiretapStatistics });
    },
  }),
];
