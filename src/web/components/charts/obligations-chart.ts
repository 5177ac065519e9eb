import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { contractEventLabel } from '../../../registry/labels.js';
import type { ContractEvent } from '../../../registry/schemas/contract.js';
import { recordUrl } from '../../../registry/search/search-result.js';
import { formatAmount } from '../format-amount.js';
import { formatDate } from '../format-date.js';
import { html, type SafeHtml } from '../html.js';

/** One obligation (or de-obligation) of one contract: a transaction with a date and an amount. */
export interface Obligation {
  readonly date: string;
  readonly piid: string;
  readonly event: ContractEvent;
  readonly amount: number;
  readonly currency: string;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 24, bottom: 32, left: 96 };

function instant(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) throw new Error(`obligations chart: not a date: ${date}`);
  return new Date(Date.UTC(year, (month ?? 7) - 1, day ?? (month === undefined ? 1 : 15)));
}

/** Whole currency units, shortened for an axis: 2.5M, 400K. */
function axisAmount(n: number): string {
  const abs = Math.abs(n);
  const [value, unit] = abs >= 1e9 ? [n / 1e9, 'B'] : abs >= 1e6 ? [n / 1e6, 'M'] : abs >= 1e3 ? [n / 1e3, 'K'] : [n, ''];
  return `${Number(value.toFixed(1)).toLocaleString('en-US')}${unit}`;
}

/**
 * Contract obligations over time as a step line of the running total (d3-scale, d3-shape's
 * step curve), a dot at every transaction — de-obligations step down. One currency per chart:
 * obligations in another currency are listed in the table, not added up. An image with a title
 * and a description giving the total; every transaction follows in a table.
 *
 * @example
 * obligationsChart(obligations, { id: 'obligations-received', title: 'Obligations to Paragon Solutions (US) Inc.' });
 */
export function obligationsChart(obligations: readonly Obligation[], text: { readonly id: string; readonly title: string }): SafeHtml {
  if (obligations.length === 0) return html``;
  const sorted = [...obligations].sort((a, b) => instant(a.date).getTime() - instant(b.date).getTime() || a.piid.localeCompare(b.piid));
  const currency = sorted[0]?.currency ?? 'USD';
  let total = 0;
  const points = sorted.map((o) => {
    if (o.currency === currency) total += o.amount;
    return { ...o, at: instant(o.date), total, counted: o.currency === currency };
  });
  const counted = points.filter((p) => p.counted);
  const [first, last] = [counted[0]?.at.getTime() ?? 0, counted[counted.length - 1]?.at.getTime() ?? 0];
  const pad = Math.max((last - first) * 0.05, 30 * 86_400_000);
  const x = scaleUtc().domain([new Date(first - pad), new Date(last + pad)]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const totals = counted.map((p) => p.total);
  const y = scaleLinear().domain([Math.min(0, ...totals), Math.max(0, ...totals)]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const stepLine = line<{ at: Date; total: number }>().x((p) => x(p.at)).y((p) => y(p.total)).curve(curveStepAfter).digits(1);
  const end = { at: new Date(last + pad), total };
  const path = stepLine([{ at: new Date(first - pad), total: 0 }, ...counted, end]) ?? '';
  const yTicks = y.ticks(5).map((t) => html`<g><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(t)}" y2="${y(t)}" stroke="#dfe2e5"/><text x="${MARGIN.left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="12" fill="#505a5f">${axisAmount(t)}</text></g>`);
  const xTicks = x.ticks(6).map((t) => html`<text x="${x(t)}" y="${HEIGHT - 10}" text-anchor="middle" font-size="12" fill="#505a5f">${x.tickFormat(6)(t)}</text>`);
  const dots = counted.map((p) => html`<circle cx="${Math.round(x(p.at) * 10) / 10}" cy="${Math.round(y(p.total) * 10) / 10}" r="4" fill="#0b4f9c" stroke="#ffffff" stroke-width="1.5"><title>${formatDate(p.date)}: ${contractEventLabel(p.event)} of ${p.piid}, ${formatAmount(p.amount, p.currency)} (total ${formatAmount(p.total, currency)})</title></circle>`);
  const rows = points.map((p) => html`<tr><td><time datetime="${p.date}">${formatDate(p.date)}</time></td><td><a href="${recordUrl('contract', p.piid)}">${p.piid}</a></td><td>${contractEventLabel(p.event)}</td><td class="amount">${formatAmount(p.amount, p.currency)}</td><td class="amount">${p.counted ? formatAmount(p.total, currency) : '—'}</td></tr>`);
  return html`<figure class="chart obligations-chart">
<div class="chart-scroll">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" font-family="system-ui, sans-serif">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">Running total of ${counted.length} obligations from ${formatDate(counted[0]?.date ?? '')} to ${formatDate(counted[counted.length - 1]?.date ?? '')}: ${formatAmount(total, currency)} in all. Every transaction is listed in the table that follows.</desc>
${yTicks}
<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(0)}" y2="${y(0)}" stroke="#1b1b1b"/>
${xTicks}
<path d="${path}" fill="none" stroke="#0b4f9c" stroke-width="2.5"/>
${dots}
</svg>
</div>
<figcaption>${text.title}: the running total of obligated amounts (${currency}), stepping up with each obligation and down with each de-obligation.</figcaption>
<details class="chart-table"><summary>The obligations as a table</summary>
<table><caption>${text.title}</caption><thead><tr><th scope="col">Date</th><th scope="col">Contract</th><th scope="col">Event</th><th scope="col">Amount</th><th scope="col">Running total</th></tr></thead><tbody>${rows}</tbody></table>
</details>
</figure>`;
}
