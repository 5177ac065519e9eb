import type { z } from 'zod';
import { parseInput } from '../core/parse-input.js';
import type { RecordType } from './schemas/common.js';
import { contractSchema, contractTransactionSchema, piidSchema, transactionId } from './schemas/contract.js';
import { designationId, designationSchema } from './schemas/designation.js';
import { incidentSchema } from './schemas/incident.js';
import { organizationSchema } from './schemas/organization.js';
import { personSchema } from './schemas/person.js';
import { policySchema } from './schemas/policy.js';
import { productSchema } from './schemas/product.js';
import { relationshipId, relationshipSchema } from './schemas/relationship.js';
import { sourceSchema } from './schemas/source.js';
import type { RegistryRecord } from './registry-record.js';

/**
 * What a user may send for each record type (API payloads, proposals): ids of relationships,
 * designations and transactions may be left out and are derived; an incident may name one
 * product or several.
 */
export const RECORD_INPUT_SCHEMAS = {
  source: sourceSchema,
  organization: organizationSchema,
  person: personSchema,
  product: productSchema,
  relationship: relationshipSchema,
  designation: designationSchema,
  incident: incidentSchema,
  contract: contractSchema.omit({ transactions: true }),
  transaction: contractTransactionSchema.extend({ piid: piidSchema }),
  policy: policySchema,
} satisfies Record<RecordType, z.ZodType>;

/**
 * Validates a record of the given type and brings it to its stored shape.
 *
 * @example
 * parseRecordInput('designation', { subject: 'nso-group', authority: 'US-BIS', list: 'Entity List', listed: '2021-11-03', sources: ['commerce-2021-11-03'] });
 */
export function parseRecordInput<T extends RecordType>(type: T, input: unknown, pathPrefix: readonly PropertyKey[] = []): Extract<RegistryRecord, { type: T }> {
  // parseAny returns the member of the union whose `type` is `type`; TypeScript cannot follow a
  // generic through the switch, hence the one cast.
  return parseAny(type, input, pathPrefix) as Extract<RegistryRecord, { type: T }>;
}

function parseAny(type: RecordType, input: unknown, pathPrefix: readonly PropertyKey[]): RegistryRecord {
  const what = `${type}`;
  switch (type) {
    case 'source': return { type, record: parseInput(RECORD_INPUT_SCHEMAS.source, input, what, pathPrefix) };
    case 'organization': return { type, record: parseInput(RECORD_INPUT_SCHEMAS.organization, input, what, pathPrefix) };
    case 'person': return { type, record: parseInput(RECORD_INPUT_SCHEMAS.person, input, what, pathPrefix) };
    case 'product': return { type, record: parseInput(RECORD_INPUT_SCHEMAS.product, input, what, pathPrefix) };
    case 'relationship': {
      const r = parseInput(RECORD_INPUT_SCHEMAS.relationship, input, what, pathPrefix);
      return { type, record: { ...r, id: relationshipId(r) } };
    }
    case 'designation': {
      const r = parseInput(RECORD_INPUT_SCHEMAS.designation, input, what, pathPrefix);
      return { type, record: { ...r, id: designationId(r) } };
    }
    case 'incident': {
      const { product, vendor, ...rest } = parseInput(RECORD_INPUT_SCHEMAS.incident, input, what, pathPrefix);
      const products = [...new Set([...(product ? [product] : []), ...(rest.products ?? [])])];
      const vendors = [...new Set([...(vendor ? [vendor] : []), ...(rest.vendors ?? [])])];
      return { type, record: { ...rest, products, vendors } };
    }
    case 'contract': return { type, record: parseInput(RECORD_INPUT_SCHEMAS.contract, input, what, pathPrefix) };
    case 'transaction': {
      const r = parseInput(RECORD_INPUT_SCHEMAS.transaction, input, what, pathPrefix);
      return { type, record: { ...r, id: transactionId(r.piid, r) } };
    }
    case 'policy': return { type, record: parseInput(RECORD_INPUT_SCHEMAS.policy, input, what, pathPrefix) };
  }
}
