import { countNoun } from '../core/count-noun.js';
import { IMPORT_OUTCOMES, type ImportReport } from '../imports/import-report.js';

const HEADINGS = { created: 'Created (new records, status reported)', merged: 'Merged into records the registry has', queued: 'Queued for an editor\'s review', rejected: 'Rejected' } as const;

/**
 * `registry import --format …` as text: a summary line, then each outcome's items with their
 * file and line, the record and the reasons. Items a merge left unchanged are counted, not listed.
 *
 * @example
 * importReportLines(report).join('\n');
 * // 'companies.json (sii, licence: …): 3 created, 1 merged, 1 queued, 0 rejected; 9 records written, 1 proposal queued'
 */
export function importReportLines(report: ImportReport): string[] {
  const { counts } = report;
  const lines = [
    `${report.dryRun ? 'Dry run, nothing written — ' : ''}${report.file} (${report.format}, licence: ${report.licence}): ${counts.created} created, ${counts.merged} merged, ${counts.queued} queued, ${counts.rejected} rejected; ${countNoun(report.written, 'record')} ${report.dryRun ? 'would be ' : ''}written, ${countNoun(report.proposed, 'proposal')} ${report.dryRun ? 'would be ' : ''}queued`,
  ];
  for (const outcome of IMPORT_OUTCOMES) {
    const items = report.items.filter((i) => i.outcome === outcome && (i.changed || outcome !== 'merged'));
    const quiet = report.items.filter((i) => i.outcome === outcome).length - items.length;
    if (items.length === 0 && quiet === 0) continue;
    lines.push('', `${HEADINGS[outcome]}:`);
    for (const item of items) {
      lines.push(`  ${report.file}:${item.line}  ${item.label}${item.recordId ? ` → ${item.recordType} ${item.recordId}` : ''}${item.reasons.length > 0 ? `\n      ${item.reasons.join('\n      ')}` : ''}`);
    }
    if (quiet > 0) lines.push(`  (${countNoun(quiet, 'more item')} merged with nothing new to add)`);
  }
  return lines;
}
