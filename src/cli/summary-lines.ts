import { countNoun } from '../core/count-noun.js';
import type { ImportSummary } from '../registry/commands/import-dataset.js';
import { isRecordType } from '../registry/schemas/common.js';
import { recordTypeLabel } from '../registry/labels.js';

/**
 * What `screen --save` and `sync --save` report after recording matches.
 *
 * @example
 * savedLine({ raised: 1, queued: 0, unchanged: 2 }); // 'Saved: 1 alert raised, 0 queued for review, 2 already known.'
 */
export function savedLine(summary: { readonly raised: number; readonly queued: number; readonly unchanged: number }): string {
  return `Saved: ${countNoun(summary.raised, 'alert')} raised, ${summary.queued.toLocaleString('en-US')} queued for review, ${summary.unchanged.toLocaleString('en-US')} already known.`;
}

/**
 * What `registry import` reports: records written, by type, and unchanged.
 *
 * @example
 * importedLine('more.json', { written: 1, unchanged: 0, byType: { person: 1 } }); // 'more.json: 1 record written (1 person), 0 unchanged'
 */
export function importedLine(file: string, summary: ImportSummary): string {
  const detail = Object.entries(summary.byType)
    .map(([type, n]) => (isRecordType(type) && n !== undefined ? countNoun(n, recordTypeLabel(type, 1), recordTypeLabel(type, 2)) : `${n} ${type}`))
    .join(', ');
  return `${file}: ${countNoun(summary.written, 'record')} written${detail ? ` (${detail})` : ''}, ${summary.unchanged.toLocaleString('en-US')} unchanged`;
}
