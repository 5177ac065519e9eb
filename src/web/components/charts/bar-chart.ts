import { scaleBand, scaleLinear } from 'd3-scale';
import { html, type SafeHtml } from '../html.js';

/** One bar: what it counts and how many. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const WIDTH = 640;
const BAR = 26;
const MARGIN = { top: 8, right: 56, bottom: 8, left: 260 };

/**
 * A horizontal bar chart as server-rendered SVG (d3-scale's band and linear scales): one bar per
 * row, its count written beside it, a title and a description for screen readers, and the same
 * numbers as a table beneath — the chart adds nothing the table does not say.
 *
 * @example
 * barChart([{ label: 'Drug offences', value: 12 }], { id: 'by-offence', title: 'Authorisations by offence', unit: 'authorisations' });
 */
export function barChart(bars: readonly Bar[], text: { readonly id: string; readonly title: string; readonly unit: string }): SafeHtml {
  if (bars.length === 0) return html`<p class="muted">${text.title}: nothing to show.</p>`;
  const height = MARGIN.top + MARGIN.bottom + bars.length * BAR;
  const y = scaleBand<number>().domain(bars.map((_, i) => i)).range([MARGIN.top, height - MARGIN.bottom]).padding(0.2);
  const x = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.value))]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const total = bars.reduce((n, b) => n + b.value, 0);
  const rows = bars.map((b, i) => {
    const top = Math.round((y(i) ?? 0) * 10) / 10;
    const width = Math.max(0, Math.round((x(b.value) - MARGIN.left) * 10) / 10);
    const middle = Math.round((top + y.bandwidth() / 2 + 4) * 10) / 10;
    const label = b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label;
    return html`<g><text x="${MARGIN.left - 8}" y="${middle}" text-anchor="end" font-size="12" fill="#1b1b1b">${label}</text>
<rect x="${MARGIN.left}" y="${top}" width="${width}" height="${Math.round(y.bandwidth() * 10) / 10}" fill="#0b4f9c"><title>${b.label}: ${b.value.toLocaleString('en-US')} ${text.unit}</title></rect>
<text x="${MARGIN.left + width + 6}" y="${middle}" font-size="12" fill="#505a5f">${b.value.toLocaleString('en-US')}</text></g>`;
  });
  return html`<figure class="chart bar-chart">
<div class="chart-scroll">
<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" font-family="system-ui, sans-serif">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${bars.length} rows, ${total.toLocaleString('en-US')} ${text.unit} in all. The table that follows gives every number.</desc>
<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${height - MARGIN.bottom}" stroke="#1b1b1b"/>
${rows}
</svg>
</div>
<figcaption>${text.title}</figcaption>
<details class="chart-table"><summary>As a table</summary><table><thead><tr><th scope="col">Row</th><th scope="col">${text.unit}</th></tr></thead>
<tbody>${bars.map((b) => html`<tr><td>${b.label}</td><td class="amount">${b.value.toLocaleString('en-US')}</td></tr>`)}</tbody></table></details>
</figure>`;
}
