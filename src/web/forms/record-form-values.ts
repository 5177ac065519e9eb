import type { FormField } from './record-form-fields.js';

/** What a form holds: each field's text by its path (`identifiers.uei`), as typed or as stored. */
export type FormValues = Readonly<Record<string, string>>;

function leaves(fields: readonly FormField[]): FormField[] {
  return fields.flatMap((f) => (f.kind === 'group' ? leaves(f.children ?? []) : [f]));
}

function valueOf(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.entries(current).find(([key]) => key === part)?.[1];
  }
  return current;
}

/**
 * A stored record as form text, to propose a change to it: lists one item a line, JSON fields as
 * indented JSON, numbers and words as they are.
 *
 * @example
 * formValuesOf(recordFormFields('organization'), organization)['aliases']; // 'NSO\nQ Cyber Technologies'
 */
export function formValuesOf(fields: readonly FormField[], record: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of leaves(fields)) {
    const value = valueOf(record, field.name);
    if (value === undefined || value === null) continue;
    if (field.kind === 'lines' && Array.isArray(value)) out[field.name] = value.map(String).join('\n');
    else if (field.kind === 'json') out[field.name] = JSON.stringify(value, null, 2);
    else out[field.name] = String(value);
  }
  return out;
}

/**
 * The record a form describes, for the same validation the API runs: empty fields are left out (as
 * if never given), a list is one item a line, a number field that is not a number stays text (so
 * the schema names it), JSON that does not parse stays text likewise.
 *
 * @example
 * recordFromForm(recordFormFields('organization'), { id: 'acme', name: 'Acme', kind: 'vendor', sources: 'some-report' });
 */
export function recordFromForm(fields: readonly FormField[], values: FormValues): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const key = field.name.split('.').at(-1) ?? field.name;
    if (field.kind === 'group') {
      const group = recordFromForm(field.children ?? [], values);
      if (Object.keys(group).length > 0) record[key] = group;
      continue;
    }
    const value = fieldValue(field, values[field.name] ?? '');
    if (value !== undefined) record[key] = value;
  }
  return record;
}

function fieldValue(field: FormField, text: string): unknown {
  const raw = text.trim();
  if (raw === '') return undefined;
  switch (field.kind) {
    case 'lines': {
      const items = raw.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
      return items.length > 0 ? items : undefined;
    }
    case 'number': {
      const n = Number(raw.replace(/,/g, ''));
      return Number.isFinite(n) ? n : raw;
    }
    case 'json':
      try {
        return JSON.parse(raw);
      } catch {
        // Left as text: the schema refuses it at this field, with its path.
        return raw;
      }
    default:
      return raw;
  }
}
