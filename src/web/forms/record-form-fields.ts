import { z } from 'zod';
import { fieldLabel } from '../../registry/field-labels.js';
import { contractEventLabel, countryName, organizationKindLabel, recordStatusLabel, relationshipLabel } from '../../registry/labels.js';
import { RECORD_INPUT_SCHEMAS } from '../../registry/record-input.js';
import type { RecordType } from '../../registry/schemas/common.js';
import { CONTRACT_EVENTS } from '../../registry/schemas/contract.js';
import { ORGANIZATION_KINDS } from '../../registry/schemas/organization.js';
import { RELATIONSHIP_TYPES } from '../../registry/schemas/relationship.js';

/** How a field is typed in: one line, a paragraph, a number, a choice, a list (one item a line), a group, or JSON. */
export type FieldKind = 'text' | 'textarea' | 'number' | 'select' | 'lines' | 'group' | 'json';

/** One field of a record's form, derived from the record type's zod schema (the one the API validates). */
export interface FormField {
  /** The field's path in the record: `name`, `identifiers.uei`. */
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly hint?: string;
  /** For `select`: the stored value and the words a reader sees. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** For `group`: its fields. */
  readonly children?: readonly FormField[];
  readonly defaultValue?: string;
}

/** Paragraph fields: what a person writes at length. */
const LONG_TEXT = new Set(['notes', 'note', 'summary', 'description', 'reason', 'delistingReason', 'forensicConfirmation', 'noLinkReason', 'awardKeyNote']);
/** Fields a proposal never sets: screened observations come from screening; the singular forms duplicate the lists. */
const NOT_PROPOSED: Partial<Record<RecordType, readonly string[]>> = { contract: ['screened'], transaction: ['screened'], incident: ['product', 'vendor'] };
const COUNTRY_FIELDS = new Set(['country', 'nationality']);

const HINTS: Readonly<Record<string, string>> = {
  id: 'Lower-case letters, digits and hyphens, as in the record’s address: paragon-solutions.',
  sources: 'The identifiers of the sources (as in /sources/…), one a line. Every fact needs at least one.',
  aliases: 'One name a line.',
  capabilities: 'One capability a line.',
  countries: 'Two-letter country codes, one a line: IT for Italy, MX for Mexico.',
  targetCategories: 'One category a line, lower case: journalist, human-rights-defender.',
  products: 'Product identifiers, one a line.',
  vendors: 'Organization identifiers, one a line.',
  formerNames: 'JSON: [{"name": "Old name", "until": "2021-06"}]',
  signatories: 'JSON: {"2023-03-30": ["US", "GB"]}',
  parent: 'The parent organization’s identifier.',
  vendor: 'The vendor’s identifier (as in /organizations/…).',
  subject: 'The identifier of the listed organization or person.',
  from: 'Identifier of an organization or person.',
  to: 'Identifier of an organization or person.',
  buyer: 'The buying agency’s identifier.',
  fundingOffice: 'The funding office’s identifier.',
  recipient: 'The recipient organization’s identifier.',
  authority: 'A code such as US-BIS or US-OFAC.',
  jurisdiction: 'A country code such as US, or EU.',
};

const DATE_FIELDS = new Set(['date', 'end', 'asOf', 'listed', 'delisted', 'until']);

/** Every country the labels know, by name, for country choices. */
const COUNTRIES: readonly { value: string; label: string }[] = (() => {
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a += 1) for (let b = 65; b <= 90; b += 1) {
    const code = String.fromCharCode(a, b);
    const name = countryName(code);
    if (name !== code) out.push({ value: code, label: name });
  }
  return out.sort((x, y) => x.label.localeCompare(y.label, 'en'));
})();

function optionsFor(key: string, values: readonly string[]): { value: string; label: string }[] {
  const label = (v: string): string => {
    switch (key) {
      case 'kind': return ORGANIZATION_KINDS.some((k) => k === v) ? organizationKindLabel(v) : v;
      case 'type': { const t = RELATIONSHIP_TYPES.find((r) => r === v); return t ? relationshipLabel(t) : v; }
      case 'event': { const e = CONTRACT_EVENTS.find((c) => c === v); return e ? contractEventLabel(e) : v; }
      case 'status': return v === 'reported' || v === 'documented' || v === 'verified' ? recordStatusLabel(v) : v;
      default: return v;
    }
  };
  return values.map((value) => ({ value, label: label(value) }));
}

interface Unwrapped { readonly schema: z.core.$ZodType; readonly optional: boolean; readonly defaultValue?: unknown }

/** A field's schema without its optional/default wrappers, and whether the field may be left out. */
function unwrap(schema: z.core.$ZodType): Unwrapped {
  let current: z.core.$ZodType = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    if (current instanceof z.ZodOptional) { optional = true; current = current.unwrap(); continue; }
    if (current instanceof z.ZodDefault) { optional = true; defaultValue = current.def.defaultValue; current = current.unwrap(); continue; }
    return { schema: current, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
  }
}

function describeField(type: RecordType, key: string, path: string, schema: z.core.$ZodType): FormField {
  const { schema: inner, optional, defaultValue } = unwrap(schema);
  const base = { name: path, label: fieldLabel(type, path), required: !optional, ...(HINTS[key] ? { hint: HINTS[key] } : DATE_FIELDS.has(key) ? { hint: 'YYYY, YYYY-MM or YYYY-MM-DD.' } : {}) };
  const dflt = typeof defaultValue === 'string' ? { defaultValue } : {};
  if (inner instanceof z.ZodEnum) return { ...base, kind: 'select', options: optionsFor(key, inner.options.map(String)), ...dflt };
  if (inner instanceof z.ZodString && COUNTRY_FIELDS.has(key)) return { ...base, kind: 'select', options: COUNTRIES };
  if (inner instanceof z.ZodString) return { ...base, kind: LONG_TEXT.has(key) ? 'textarea' : 'text', ...dflt };
  if (inner instanceof z.ZodNumber) return { ...base, kind: 'number' };
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element).schema;
    return { ...base, kind: element instanceof z.ZodString || element instanceof z.ZodEnum ? 'lines' : 'json' };
  }
  if (inner instanceof z.ZodObject) {
    return { ...base, kind: 'group', children: Object.entries(inner.shape).map(([k, s]) => describeField(type, k, `${path}.${k}`, s)) };
  }
  return { ...base, kind: 'json', ...(HINTS[key] ? {} : { hint: 'JSON.' }) };
}

/**
 * The fields of a record type's proposal form, read from the zod schema the API validates
 * (`RECORD_INPUT_SCHEMAS`): a new field in a schema appears in the form without a form to edit.
 *
 * @example
 * recordFormFields('organization').map((f) => f.name); // ['id', 'name', 'kind', 'country', …]
 */
export function recordFormFields(type: RecordType): FormField[] {
  const schema: z.ZodType = RECORD_INPUT_SCHEMAS[type];
  if (!(schema instanceof z.ZodObject)) throw new Error(`the ${type} schema is not an object schema`);
  const shape: Record<string, z.core.$ZodType> = schema.shape;
  const skipped = NOT_PROPOSED[type] ?? [];
  return Object.entries(shape).filter(([key]) => !skipped.includes(key)).map(([key, s]) => describeField(type, key, key, s));
}
