import type { Holding } from '../holding.js';
import type { ChainStep, Exposure } from '../match/exposure-chains.js';
import type { ExposureReport, MatchedHolding } from './exposure-report.js';

const number = (n: number): string => n.toLocaleString('en-US');

/** A holding as one line: the issuer as filed, where, its identifiers and amounts. */
export function holdingLine(h: Holding): string {
  const ids = [h.cusip ? `CUSIP ${h.cusip}` : '', h.isin ? `ISIN ${h.isin}` : '', h.lei ? `LEI ${h.lei}` : '', h.ticker ? `ticker ${h.ticker}` : ''].filter((s) => s !== '');
  const amounts = [h.titleOfClass ?? '', h.value !== undefined ? `value ${number(h.value)}` : '', h.shares !== undefined ? `${number(h.shares)} ${h.sharesType ?? 'shares'}` : '', h.putCall ?? ''].filter((s) => s !== '');
  return `${h.name} (line ${h.line}${ids.length > 0 ? `; ${ids.join(', ')}` : ''}${amounts.length > 0 ? `; ${amounts.join(', ')}` : ''})`;
}

/** A chain link in words: "Acme Corp acquired Paragon Solutions (since 2024-12; stake 60%)". */
export function stepLine(step: ChainStep): string {
  const when = [step.since ? `since ${step.since}` : '', step.until ? `until ${step.until}` : '', step.stake ? `stake ${step.stake}` : ''].filter((s) => s !== '');
  return `${step.holder.name} ${step.relation} ${step.held.name}${when.length > 0 ? ` (${when.join('; ')})` : ''} [relationship ${step.relationshipId}]`;
}

/** What is recorded against the organisation at the end of a chain, in words. */
export function findingLines(exposure: Exposure): string[] {
  return [
    ...exposure.designations.map((d) => `listed on the ${d.list} by ${d.authority} on ${d.listed}${d.delisted ? `, delisted ${d.delisted}` : ''}`),
    ...exposure.incidents.map((i) => `incident: ${i.title}${i.date ? ` (${i.date})` : ''}`),
  ];
}

function matchedLines(entry: MatchedHolding, index: number): string[] {
  const lines = [`${index + 1}. ${holdingLine(entry.holding)}`, `   Issuer: ${entry.issuer.organizationName} [${entry.issuer.organizationId}] — ${entry.issuer.reasons[0] ?? ''}`];
  for (const exposure of entry.exposures) {
    for (const step of exposure.chain) lines.push(`   → ${stepLine(step)}`);
    lines.push(`   ⇒ ${exposure.organization.name}: ${findingLines(exposure).join('; ')}`);
  }
  return lines;
}

/**
 * The exposure report as text for a terminal or an e-mail: the totals, then the holdings tied to
 * designated vendors or documented abuse with each chain link, the other matches, the possible
 * ones to check, and identifiers that fail their check digit.
 *
 * @example
 * console.log(exposureText(report).join('\n'));
 */
export function exposureText(report: ExposureReport): string[] {
  const t = report.totals;
  const lines = [
    `Exposure report: ${report.file} (${report.format === '13f' ? 'Form 13F information table' : 'holdings CSV'}), ${report.generatedAt.slice(0, 10)}`,
    `${number(t.holdings)} holdings; ${number(t.matched)} tied to registry organisations; ${number(t.flagged)} tied to designated vendors or documented abuse (value as filed ${number(t.flaggedValue)} of ${number(t.value)}); ${number(t.possible)} possible name matches to check.`,
  ];
  const section = (title: string, entries: readonly MatchedHolding[]): void => {
    if (entries.length === 0) return;
    lines.push('', title);
    entries.forEach((entry, index) => lines.push(...matchedLines(entry, index)));
  };
  section('Holdings tied to designated vendors or documented abuse:', report.flagged);
  section('Other holdings tied to registry organisations (nothing recorded at the end of their chains):', report.matched);
  section('Possible matches by name only — check them before relying on them:', report.possible);
  if (report.invalidIdentifiers.length > 0) {
    lines.push('', 'Identifiers that fail their check digit (not used to match):');
    for (const bad of report.invalidIdentifiers) lines.push(`  line ${bad.line}: ${bad.name}: ${bad.problems.join('; ')}`);
  }
  if (report.flagged.length === 0) lines.push('', 'No holding is tied to a designated vendor or a documented incident in the registry.');
  lines.push('', 'Values are as filed (13F: dollars in filings from 3 January 2023 on, thousands before). Each link cites its sources in the registry: see the relationship ids.');
  return lines;
}
