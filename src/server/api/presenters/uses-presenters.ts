import { z } from 'zod';
import { FINDING_KINDS } from '../../../oversight/uses/use.js';

const text = z.string();
const nullableText = z.string().nullable();

/** An authorisation as anyone may see it: the target only as its keyed pseudonym, the docket number only once a court unsealed it. */
export const authorizationPresenter = z.object({
  id: text, agency: text, review: text, product: text, offenceCategory: text, legalAuthority: text, issuingCourt: text, jurisdiction: text,
  targetPseudonym: text, dataCategories: z.array(text), validFrom: text, validTo: text, originalValidTo: text, extensions: z.number().int(),
  retentionDays: z.number().int(), deletionDueOn: text, deletedAt: nullableText, noticeDueOn: text, noticeExtensions: z.number().int(), noticeGivenAt: nullableText,
  status: text, recordedAt: text,
  /** The leaf index of the granting entry: the receipt a use cites (`log:INDEX`); null until sequenced. */
  logIndex: z.number().int().nullable(),
  /** Sealed fields a court ordered published. */
  unsealed: z.record(z.string(), z.string()),
  /** When the sealed target was crypto-shredded because retention ended (null: still held). The docket number is never shredded. */
  targetShreddedAt: nullableText,
});

export const usePresenter = z.object({
  id: text, agency: text, authorization: nullableText, cited: text, occurredAt: text, recordedAt: text, dataCategories: z.array(text), approvalActive: z.boolean(),
});

export const findingPresenter = z.object({ id: text, agency: text, kind: z.enum(FINDING_KINDS), subject: text, detail: text, audit: nullableText, raisedAt: text });

export const sharingPresenter = z.object({ id: text, authorization: text, recipient: text, legalBasis: nullableText, sharedAt: text, recordedAt: text });

const statisticsRow = z.object({ key: text, authorizations: z.number(), extensions: z.number(), averageOriginalDays: z.number(), averageExtensionDays: z.number(), totalDaysAuthorized: z.number() });

/** Statistics in the shape of the Wiretap Report's tables: counts and days, nothing sealed. */
export const statisticsPresenter = z.object({
  period: z.object({ start: text, end: text }),
  byJurisdiction: z.array(statisticsRow),
  byOffence: z.array(statisticsRow),
  durations: z.array(z.object({ band: text, authorizations: z.number() })),
  extensions: z.object({ windows: z.number(), notices: z.number() }),
  notices: z.object({ given: z.number(), givenLate: z.number(), overdue: z.number(), pending: z.number() }),
  uses: z.object({ total: z.number(), flaggedWhenRecorded: z.number() }),
  findings: z.array(z.object({ kind: z.enum(FINDING_KINDS), count: z.number() })),
});

export const auditPresenter = z.object({
  id: text, agency: text, periodStart: text, periodEnd: text, asOf: text, status: text, runBy: text, findingsCount: z.number().int(), findingsDigest: text,
  findingsByKind: z.partialRecord(z.enum(FINDING_KINDS), z.number().int()), signedOffAt: nullableText, signedOffBy: nullableText, note: nullableText,
  statistics: statisticsPresenter.nullable(),
});

export const offenceCategoryPresenter = z.object({ id: text, label: text, statute: text });
