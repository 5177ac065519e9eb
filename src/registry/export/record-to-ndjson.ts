import type { RegistryRecord } from '../registry-record.js';

/**
 * A record as one NDJSON line: `{"type": …, "record": …}` — the stored record exactly as the API
 * returns it, in the shape the transparency log carries, so a consumer can validate it with the
 * published schemas. JSON.stringify escapes line breaks inside strings, so a record is one line.
 *
 * @example
 * recordToNdjsonLine({ type: 'person', record: { id: 'tal-dilian', name: 'Tal Jonathan Dilian', sources: ['treasury-2024-03-05'], status: 'documented' } });
 * // '{"type":"person","record":{"id":"tal-dilian","name":"Tal Jonathan Dilian","sources":["treasury-2024-03-05"],"status":"documented"}}\n'
 */
export function recordToNdjsonLine(entry: RegistryRecord): string {
  return `${JSON.stringify({ type: entry.type, record: entry.record })}\n`;
}
