import { scaleUtc } from 'd3-scale';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import { formatDate } from '../format-date.js';
import { html, type SafeHtml } from '../html.js';

/** One dated event on a record's timeline. */
export interface TimelineEvent {
  /** ISO 8601, possibly reduced (`2025`, `2025-09`). */
  readonly date: string;
  readonly lane: 'designations' | 'incidents' | 'contracts';
  /** The shape it is drawn with: a listing, a delisting, an incident, a contract event. */
  readonly mark: 'listed' | 'delisted' | 'incident' | 'contract';
  /** What happened, in words (the tooltip and the table). */
  readonly text: string;
}

const LANES: readonly [TimelineEvent['lane'], string][] = [
  ['designations', 'Designations'],
  ['incidents', 'Incidents'],
  ['contracts', 'Contracts'],
];
const MARKS: Readonly<Record<TimelineEvent['mark'], { readonly type: SymbolType; readonly fill: string; readonly word: string }>> = {
  listed: { type: symbolTriangle, fill: '#a4262c', word: 'listing' },
  delisted: { type: symbolCircle, fill: '#1e6b32', word: 'delisting' },
  incident: { type: symbolDiamond, fill: '#6b4500', word: 'incident' },
  contract: { type: symbolSquare, fill: '#0b4f9c', word: 'contract event' },
};

const WIDTH = 720;
const LANE_HEIGHT = 44;
const LEFT = 112;
const RIGHT = 24;
const TOP = 12;

/**
 * Where a reduced date sits on a time axis: the middle of the period it names, so "2025" is not
 * drawn as if it were 1 January 2025. The words shown keep the reduced date.
 */
function instant(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) throw new Error(`timeline: not a date: ${date}`);
  if (month === undefined) return new Date(Date.UTC(year, 6, 1));
  if (day === undefined) return new Date(Date.UTC(year, month - 1, 15));
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * A record's history on one time axis (d3-scale's UTC scale, d3-shape symbols): a lane each for
 * designations, incidents and contract events, each kind of event its own shape (never colour
 * alone), each mark's tooltip its date and what happened. An image with a title and a
 * description; the events follow as a table (in a disclosure) for screen readers and copying.
 *
 * @example
 * recordTimeline([{ date: '2023-07-18', lane: 'designations', mark: 'listed', text: 'Listed: Entity List' }], { id: 'timeline', title: 'Intellexa S.A. over time' });
 */
export function recordTimeline(events: readonly TimelineEvent[], text: { readonly id: string; readonly title: string }): SafeHtml {
  if (events.length === 0) return html``;
  const sorted = [...events].sort((a, b) => instant(a.date).getTime() - instant(b.date).getTime() || a.text.localeCompare(b.text));
  const lanes = LANES.filter(([lane]) => sorted.some((e) => e.lane === lane));
  const height = TOP + lanes.length * LANE_HEIGHT + 28;
  const times = sorted.map((e) => instant(e.date).getTime());
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const pad = Math.max((last - first) * 0.05, 183 * 86_400_000);
  const x = scaleUtc().domain([new Date(first - pad), new Date(last + pad)]).range([LEFT, WIDTH - RIGHT]);
  const ticks = x.ticks(Math.min(8, Math.max(2, Math.round((last - first + 2 * pad) / (365 * 86_400_000)))));
  const laneY = (lane: TimelineEvent['lane']) => TOP + lanes.findIndex(([l]) => l === lane) * LANE_HEIGHT + LANE_HEIGHT / 2;
  const axisY = TOP + lanes.length * LANE_HEIGHT;
  const tickMarks = ticks.map((t) => html`<g class="timeline-tick"><line x1="${x(t)}" x2="${x(t)}" y1="${TOP}" y2="${axisY}" stroke="#dfe2e5"/><text x="${x(t)}" y="${axisY + 18}" text-anchor="middle" font-size="12" fill="#505a5f">${x.tickFormat(ticks.length, '%Y')(t)}</text></g>`);
  const laneLines = lanes.map(([lane, label]) => html`<g class="timeline-lane"><text x="0" y="${laneY(lane) + 4}" font-size="13" fill="#1b1b1b">${label}</text><line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${laneY(lane)}" y2="${laneY(lane)}" stroke="#c9cdd1"/></g>`);
  const marks = sorted.map((e) => {
    const mark = MARKS[e.mark];
    const d = symbol(mark.type, 90)() ?? '';
    return html`<path d="${d}" transform="translate(${Math.round(x(instant(e.date)) * 10) / 10},${laneY(e.lane)})" class="timeline-mark timeline-mark-${e.mark}" fill="${mark.fill}" stroke="#ffffff" stroke-width="1"><title>${formatDate(e.date)}: ${e.text}</title></path>`;
  });
  const rows = sorted.map((e) => html`<tr><td><time datetime="${e.date}">${formatDate(e.date)}</time></td><td>${MARKS[e.mark].word}</td><td>${e.text}</td></tr>`);
  const counts = lanes.map(([lane, label]) => `${label.toLowerCase()}: ${sorted.filter((e) => e.lane === lane).length}`).join(', ');
  return html`<figure class="chart record-timeline">
<div class="chart-scroll">
<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" font-family="system-ui, sans-serif">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${sorted.length} events from ${formatDate(sorted[0]?.date ?? '')} to ${formatDate(sorted[sorted.length - 1]?.date ?? '')} (${counts}); listings are triangles, delistings circles, incidents diamonds, contract events squares. The events are listed in the table that follows.</desc>
${tickMarks}${laneLines}${marks}
</svg>
</div>
<figcaption>${text.title}: triangles are listings, circles delistings, diamonds incidents, squares contract events; point at one for its date and what happened.</figcaption>
<details class="chart-table"><summary>The timeline as a table</summary>
<table><caption>${text.title}</caption><thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">What happened</th></tr></thead><tbody>${rows}</tbody></table>
</details>
</figure>`;
}
