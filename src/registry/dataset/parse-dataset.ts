import { z } from 'zod';
import { CommandError, formatPath, type InputIssue } from '../../core/command-error.js';
import { parseRecordInput } from '../record-input.js';
import { recordKey, type RegistryRecord } from '../registry-record.js';
import type { RecordType } from '../schemas/common.js';

/** The sections of a dataset file, in the order their records are written (referenced records first). */
const SECTIONS = [
  ['sources', 'source'],
  ['organizations', 'organization'],
  ['people', 'person'],
  ['products', 'product'],
  ['relationships', 'relationship'],
  ['designations', 'designation'],
  ['incidents', 'incident'],
  ['contracts', 'contract'],
  ['policies', 'policy'],
] as const satisfies readonly (readonly [string, RecordType])[];

const sectionArray = z.array(z.unknown()).default([]);
const datasetShape = z.strictObject({
  about: z.string().optional(),
  format: z.literal('countersign-dataset/1').optional(),
  sources: sectionArray,
  organizations: sectionArray,
  people: sectionArray,
  products: sectionArray,
  relationships: sectionArray,
  designations: sectionArray,
  incidents: sectionArray,
  contracts: sectionArray,
  policies: sectionArray,
});

/** A validated dataset: its records in write order, each with the place it came from. */
export interface ParsedDataset {
  readonly records: readonly RegistryRecord[];
  /** `organizations[3]`, `contracts[0].transactions[2]` … for each record, to name it in errors. */
  readonly labels: readonly string[];
}

/**
 * Parses and validates a whole dataset (the bundled one, or a file given to `registry import`).
 * Every problem is collected and reported with the record and field it is in; a dataset with any
 * invalid record is rejected whole.
 *
 * @example
 * const { records } = parseDataset(readFileSync('dataset/registry.json', 'utf8'));
 */
export function parseDataset(text: string, fileName = 'dataset'): ParsedDataset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName} is not valid JSON: ${message}`, issues: [{ path: '(root)', message }] });
  }
  const shape = datasetShape.safeParse(json);
  if (!shape.success) {
    const issues = shape.error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: i.message }));
    throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName}: ${issues[0]?.path}: ${issues[0]?.message}`, issues });
  }

  const records: RegistryRecord[] = [];
  const labels: string[] = [];
  const issues: InputIssue[] = [];
  const seen = new Map<string, string>();
  const add = (type: RecordType, raw: unknown, path: PropertyKey[]): RegistryRecord | undefined => {
    try {
      const entry = parseRecordInput(type, raw, path);
      const label = formatPath(path);
      const id = `${type}:${recordKey(entry)}`;
      const earlier = seen.get(id);
      if (earlier) {
        issues.push({ path: label, message: `duplicate ${type} "${recordKey(entry)}" (also at ${earlier})` });
        return undefined;
      }
      seen.set(id, label);
      records.push(entry);
      labels.push(label);
      return entry;
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? ` (id "${raw.id}")` : '';
      for (const issue of error.issues) issues.push({ path: issue.path, message: `${issue.message}${id ? ` — in record${id}` : ''}` });
      return undefined;
    }
  };

  const transactions: [unknown, PropertyKey[]][] = [];
  for (const [section, type] of SECTIONS) {
    shape.data[section].forEach((raw, index) => {
      if (type === 'contract' && typeof raw === 'object' && raw !== null && 'transactions' in raw) {
        const { transactions: list, ...contract } = raw;
        const entry = add(type, contract, [section, index]);
        if (Array.isArray(list) && entry?.type === 'contract') {
          list.forEach((t: unknown, i) => transactions.push([typeof t === 'object' && t !== null ? { ...t, piid: entry.record.piid } : t, [section, index, 'transactions', i]]));
        } else if (list !== undefined && !Array.isArray(list)) {
          issues.push({ path: formatPath([section, index, 'transactions']), message: 'must be an array' });
        }
        return;
      }
      add(type, raw, [section, index]);
    });
    if (type === 'contract') for (const [raw, path] of transactions) add('transaction', raw, path);
  }

  if (issues.length > 0) {
    const first = issues[0];
    throw new CommandError({
      code: 'INVALID_INPUT',
      message: `${fileName} rejected, nothing was written: ${first?.path}: ${first?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : ''}`,
      issues,
    });
  }
  return { records, labels };
}
