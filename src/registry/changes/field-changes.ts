import { z } from 'zod';
import { fieldLabel } from '../field-labels.js';
import { RECORD_INPUT_SCHEMAS } from '../record-input.js';
import { authorityLabel, contractEventLabel, countryName, organizationKindLabel, recordStatusLabel, relationshipLabel, targetCategoryLabel } from '../labels.js';
import { CONTRACT_EVENTS } from '../schemas/contract.js';
import { RELATIONSHIP_TYPES } from '../schemas/relationship.js';
import type { RecordType } from '../schemas/common.js';

/** One field's change between two versions of a record. */
export interface FieldChange {
  readonly field: string;
  /** The field's name in words. */
  readonly label: string;
  /** The value as text, empty when absent. */
  readonly before: string;
  readonly after: string;
  readonly state: 'added' | 'removed' | 'changed' | 'same';
}

/**
 * A stored value as one line of text: lists joined by commas, groups as `name: value` pairs, JSON
 * for anything deeper. Empty for a value that is not there.
 *
 * @example
 * fieldText(['NSO', 'Q Cyber']); // 'NSO, Q Cyber'
 */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.join(', ') : JSON.stringify(value);
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    return entries.every(([, v]) => typeof v === 'string' || typeof v === 'number') ? entries.map(([k, v]) => `${k}: ${String(v)}`).join('; ') : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

/** Codes and slugs a reader would otherwise meet, in words (`IT` → Italy, `stop-work-lifted` → Stop-work order lifted). */
function readable(field: string, value: unknown): unknown {
  const words = (v: unknown, label: (code: string) => string): unknown => (typeof v === 'string' ? label(v) : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? label(x) : x)) : v);
  switch (field) {
    case 'status': return words(value, (v) => (v === 'reported' || v === 'documented' || v === 'verified' ? recordStatusLabel(v) : v));
    case 'kind': return words(value, organizationKindLabel);
    case 'country': case 'nationality': case 'countries': return words(value, countryName);
    case 'targetCategories': return words(value, targetCategoryLabel);
    case 'authority': return words(value, authorityLabel);
    case 'event': return words(value, (v) => { const e = CONTRACT_EVENTS.find((c) => c === v); return e ? contractEventLabel(e) : v; });
    case 'type': return words(value, (v) => { const t = RELATIONSHIP_TYPES.find((r) => r === v); return t ? relationshipLabel(t) : v; });
    default: return value;
  }
}

/** Fields that hold the ids of other records. */
export const REFERENCE_FIELDS = new Set(['sources', 'parent', 'vendor', 'vendors', 'product', 'products', 'from', 'to', 'subject', 'buyer', 'fundingOffice', 'recipient']);

/** A reference field's ids as the names of what they point at, where known. */
function named(field: string, value: unknown, names: ReadonlyMap<string, string> | undefined): unknown {
  if (!names || !REFERENCE_FIELDS.has(field)) return value;
  if (typeof value === 'string') return names.get(value) ?? value;
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? names.get(v) ?? v : v)) : value;
}

/**
 * The ids a record's reference fields hold, to look their names up.
 *
 * @example
 * referencedIds({ vendor: 'nso-group', sources: ['a', 'b'] }); // ['nso-group', 'a', 'b']
 */
export function referencedIds(record: unknown): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(fieldsOf(record))) {
    if (!REFERENCE_FIELDS.has(field)) continue;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(v);
  }
  return out;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

/**
 * What changes, field by field, from one version of a record to the next (`before` null: a new
 * record, every field added). Empty lists count as absent. With `all`, unchanged fields are kept
 * (a reviewer sees the whole record); otherwise only the changes.
 *
 * @example
 * fieldChanges('contract', { piid: 'X', value: 1 }, { piid: 'X', value: 2 }); // [{ field: 'value', label: 'Value', before: '1', after: '2', state: 'changed' }]
 */
export function fieldChanges(type: RecordType, before: unknown, after: unknown, { all = false, names }: { all?: boolean; names?: ReadonlyMap<string, string> } = {}): FieldChange[] {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  // In the schema's order (as the form shows them), then any others.
  const schema: z.core.$ZodType = RECORD_INPUT_SCHEMAS[type];
  const order = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const present = new Set([...Object.keys(a), ...Object.keys(b)]);
  const keys = [...order.filter((k) => present.has(k)), ...[...present].filter((k) => !order.includes(k))];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const was = fieldText(named(field, readable(field, a[field]), names));
    const now = fieldText(named(field, readable(field, b[field]), names));
    const state = was === now ? 'same' : was === '' ? 'added' : now === '' ? 'removed' : 'changed';
    if (state === 'same' && !all) continue;
    changes.push({ field, label: fieldLabel(type, field), before: was, after: now, state });
  }
  return changes;
}
