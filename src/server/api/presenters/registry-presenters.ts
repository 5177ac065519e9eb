import { z } from 'zod';
import { recordTypeSchema } from '../../../registry/schemas/common.js';
import { STORED_RECORD_SCHEMAS } from '../../../registry/stored-record-schemas.js';
import { changePresenter } from './change-presenter.js';

/**
 * The registry as the API shows it: each record in its stored shape (the schema the log carries),
 * with the records around it named for linking. Seal-store references and anything a view carries
 * for the portal alone stay inside.
 */
const R = STORED_RECORD_SCHEMAS;

export const recordRefPresenter = z.object({ type: recordTypeSchema, id: z.string(), name: z.string() });

export const sourceSummaryPresenter = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  sha256: z.string().nullable().optional().describe('SHA-256 of the archived copy served at /sources/{id}/archive'),
});

const sources = z.record(z.string(), sourceSummaryPresenter).describe('every source a fact on the page cites, by id');
const history = z.array(changePresenter).describe('applied changes, newest first');

const relationshipView = z.object({ relationship: R.relationship, direction: z.enum(['outgoing', 'incoming']), other: recordRefPresenter });
const designationEvent = z.object({ date: z.string(), kind: z.enum(['listed', 'delisted']), designation: R.designation });

export const contractViewPresenter = z.object({
  contract: R.contract,
  buyer: recordRefPresenter.nullable(),
  fundingOffice: recordRefPresenter.nullable(),
  recipient: recordRefPresenter.nullable(),
  transactions: z.array(R.transaction).describe('award first, in date order'),
  sources,
});

const familyStep = z.object({
  relation: z.enum(['parent', 'subsidiary', 'affiliate', 'predecessor', 'successor']),
  relationshipType: z.string(),
  relationshipId: z.string().nullable(),
  date: z.string().nullable(),
  end: z.string().nullable(),
  member: recordRefPresenter,
});
const familyMember = z.object({ ref: recordRefPresenter, side: z.enum(['ancestor', 'holding']), path: z.array(familyStep) });
const via = <T extends z.ZodType>(item: T) => z.object({ item, via: familyMember });

export const organizationViewPresenter = z.object({
  organization: R.organization,
  parent: recordRefPresenter.nullable(),
  relationships: z.array(relationshipView),
  products: z.array(R.product),
  designations: z.array(R.designation),
  timeline: z.array(designationEvent),
  incidents: z.array(R.incident),
  contracts: z.array(contractViewPresenter),
  family: z.array(familyMember).describe('parents, subsidiaries and affiliates, transitively, each with its path'),
  familyTruncated: z.boolean(),
  rolledUp: z.object({
    designations: z.array(via(R.designation)),
    incidents: z.array(via(R.incident)),
    contracts: z.array(via(contractViewPresenter)),
    totals: z.object({ designations: z.number().int(), incidents: z.number().int(), contracts: z.number().int() }),
  }).describe('what subsidiaries and affiliates hold, each "via" the member'),
  history,
  sources,
});

export const personViewPresenter = z.object({ person: R.person, relationships: z.array(relationshipView), designations: z.array(R.designation), timeline: z.array(designationEvent), history, sources });
export const productViewPresenter = z.object({ product: R.product, vendor: recordRefPresenter.nullable(), incidents: z.array(R.incident), history, sources });
export const incidentViewPresenter = z.object({ incident: R.incident, products: z.array(recordRefPresenter), vendors: z.array(recordRefPresenter), history, sources });
export const sourceViewPresenter = z.object({ source: R.source, citedBy: z.array(recordRefPresenter).describe('every record that cites this source') });

/** The stored shape of each listable record type, for the list routes' pages. */
export const RECORD_PRESENTERS = R;
