import type { z } from 'zod';
import type { RecordType } from './schemas/common.js';
import { recordIdSchema } from './schemas/common.js';
import { contractSchema, contractTransactionSchema, piidSchema } from './schemas/contract.js';
import { designationSchema } from './schemas/designation.js';
import { incidentSchema } from './schemas/incident.js';
import { organizationSchema } from './schemas/organization.js';
import { personSchema } from './schemas/person.js';
import { policySchema } from './schemas/policy.js';
import { productSchema } from './schemas/product.js';
import { relationshipSchema } from './schemas/relationship.js';
import { sourceSchema } from './schemas/source.js';

/**
 * The shape of each record as the registry stores it and the log carries it: ids always present,
 * a contract without its transactions (each is a record of its own), an incident's products and
 * vendors always as arrays. Reads from the database and entries replayed from the log are parsed
 * with these, so a row that drifted from the schema is caught, not trusted.
 */
export const STORED_RECORD_SCHEMAS = {
  source: sourceSchema,
  organization: organizationSchema,
  person: personSchema,
  product: productSchema,
  relationship: relationshipSchema.extend({ id: recordIdSchema }),
  designation: designationSchema.extend({ id: recordIdSchema }),
  incident: incidentSchema.omit({ product: true, vendor: true }),
  contract: contractSchema.omit({ transactions: true }),
  transaction: contractTransactionSchema.extend({ id: recordIdSchema, piid: piidSchema }),
  policy: policySchema,
} satisfies Record<RecordType, z.ZodType>;
