import type { ScreenSummary } from './screen-summary.js';
import type { ScreeningRecord } from './screening-record.js';

const TABLE_COLUMNS = ['action date', 'event', 'PIID', 'mod', 'amount', 'organisation', 'score'] as const;

function money(amount: number): string {
  return amount.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

/**
 * The readable table of `countersign screen`: one line per match, then each match's reasons
 * indented under it.
 *
 * @example
 * process.stdout.write(formatMatchTable(records));
 */
export function formatMatchTable(records: readonly ScreeningRecord[]): string {
  if (records.length === 0) return 'No transaction matched the watchlist.\n';
  const rows = records.map((record) => [
    record.actionDate,
    record.decision === 'review' ? `${record.event} (review)` : record.event,
    record.piid,
    record.modification,
    money(record.amount),
    `${record.organizationName} (${record.organizationId})`,
    record.score.toFixed(2),
  ]);
  const widths = TABLE_COLUMNS.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const out = [line(TABLE_COLUMNS), line(widths.map((width) => '-'.repeat(width)))];
  records.forEach((record, index) => {
    out.push(line(rows[index] ?? []));
    for (const reason of record.reasons) out.push(`    - ${reason}`);
    out.push(`    ${record.transactionKey}`);
  });
  return out.join('\n') + '\n';
}

const EXAMPLES_SHOWN = 5;

/**
 * The closing summary: rows read, matches by event, review items, and skipped rows by reason with
 * the first few places.
 *
 * @example
 * process.stderr.write(formatScreenSummary(summary));
 */
export function formatScreenSummary(summary: ScreenSummary): string {
  const seconds = summary.elapsedMs / 1000;
  const megabytes = summary.bytes / 1e6;
  const events = Object.entries(summary.alerts)
    .filter(([, count]) => count > 0)
    .map(([event, count]) => `${event} ${count}`)
    .join(', ');
  const lines = [
    `Screened ${summary.rows.toLocaleString('en-US')} rows (${megabytes.toFixed(1)} MB) from ${summary.inputs.length} input${summary.inputs.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s` +
      (seconds > 0 ? ` (${(megabytes / seconds).toFixed(0)} MB/s).` : '.'),
    `Matches: ${summary.alertCount} alert${summary.alertCount === 1 ? '' : 's'}${events === '' ? '' : ` (${events})`}; ${summary.reviewItems} review item${summary.reviewItems === 1 ? '' : 's'}.`,
  ];
  if (summary.deleteRows > 0) lines.push(`Delete rows in delta files: ${summary.deleteRows}.`);
  const reasons = Object.entries(summary.malformed.byReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  lines.push(`Skipped rows: ${summary.malformed.total}${reasons === '' ? '' : ` (${reasons})`}.`);
  for (const example of summary.malformed.examples.slice(0, EXAMPLES_SHOWN)) {
    lines.push(`  ${example.file}:${example.line}: ${example.reason}: ${example.detail}`);
  }
  if (summary.malformed.total > EXAMPLES_SHOWN) lines.push(`  … and ${summary.malformed.total - EXAMPLES_SHOWN} more`);
  for (const skipped of summary.skippedInputs) lines.push(`Skipped input ${skipped.input}: ${skipped.reason}`);
  return lines.join('\n') + '\n';
}
