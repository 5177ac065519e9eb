import { recordUrl } from '../../../registry/search/search-result.js';
import type { RecordRef } from '../../../registry/views.js';
import { html, type SafeHtml } from '../html.js';
import { layoutGraph } from './graph-layout.js';

/** What a node is to the graph's focus; the class it is drawn with (and a word in its tooltip, never colour alone). */
export type GraphNodeRole = 'focus' | 'owner' | 'holding' | 'affiliate' | 'person' | 'other';

export interface GraphNode {
  readonly ref: RecordRef;
  readonly role: GraphNodeRole;
  /** Rows: negative above the focus (owners, investors, people), positive below (holdings). */
  readonly layer: number;
}

/** An edge drawn from `from` to `to` (the arrow points at `to`), labelled as it reads ("subsidiary · 2024–"). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** The dates in words for the tooltip; `span` in short form on the picture. */
  readonly dates: { readonly words: string; readonly span: string };
}

export interface RelationshipGraphData {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Parties left out to keep the picture readable (they are in the tables). */
  readonly omitted?: number;
}

const ROLE_WORDS: Readonly<Record<GraphNodeRole, string>> = {
  focus: 'this record',
  owner: 'owner, parent or investor',
  holding: 'subsidiary or holding',
  affiliate: 'affiliate or partner',
  person: 'person',
  other: 'other relationship',
};

const FONT = 13;
const MAX_NAME = 34;
const NODE_HEIGHT = 34;

function shortName(name: string): string {
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

/** A label's box from its length: the picture is drawn on the server, where no text can be measured. */
function nodeWidth(name: string): number {
  return Math.round(shortName(name).length * FONT * 0.58 + 24);
}

/** Where the segment from a box's centre towards (tx, ty) leaves the box: arrows end at the edge, not under the label. */
function leaveBox(cx: number, cy: number, halfWidth: number, halfHeight: number, tx: number, ty: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = 1 / Math.max(Math.abs(dx) / halfWidth, Math.abs(dy) / halfHeight);
  return [cx + dx * scale, cy + dy * scale];
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * An ownership and relationship graph as server-rendered SVG: every party a link to its page,
 * owners above, holdings below, each edge labelled with what it is and its dates; tooltips
 * (`<title>`) spell out the dates. It works without script and prints; the SVG is a labelled
 * group (its links stay reachable by keyboard and screen reader) whose description says where
 * the same facts are listed as a table.
 *
 * @example
 * relationshipGraph(organizationGraphData(view), { id: 'ownership-graph', title: 'Ownership of Intellexa S.A.', tableNote: 'The tables below list every relationship.' });
 */
export function relationshipGraph(data: RelationshipGraphData, text: { readonly id: string; readonly title: string; readonly tableNote: string }): SafeHtml {
  if (data.nodes.length < 2) return html``;
  const widths = new Map(data.nodes.map((n) => [n.ref.id, nodeWidth(n.ref.name)]));
  const layout = layoutGraph(
    data.nodes.map((n) => ({ id: n.ref.id, layer: n.layer, width: widths.get(n.ref.id) ?? 0, height: NODE_HEIGHT })),
    data.edges.map((e) => ({ source: e.from, target: e.to })),
  );
  const at = (id: string) => {
    const p = layout.positions.get(id);
    if (p === undefined) throw new Error(`relationship graph: no position for ${id}`);
    return p;
  };
  const names = new Map(data.nodes.map((n) => [n.ref.id, n.ref.name]));
  const edges = data.edges.filter((e) => layout.positions.has(e.from) && layout.positions.has(e.to)).map((e) => {
    const [a, b] = [at(e.from), at(e.to)];
    const [x1, y1] = leaveBox(a.x, a.y, (widths.get(e.from) ?? 0) / 2, NODE_HEIGHT / 2, b.x, b.y);
    const [x2, y2] = leaveBox(b.x, b.y, (widths.get(e.to) ?? 0) / 2 + 3, NODE_HEIGHT / 2 + 3, a.x, a.y);
    const label = e.dates.span ? `${e.label} · ${e.dates.span}` : e.label;
    return html`<g class="graph-edge"><title>${names.get(e.from) ?? e.from} — ${e.label} — ${names.get(e.to) ?? e.to}${e.dates.words ? ` (${e.dates.words})` : ''}</title>
<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="#505a5f" stroke-width="1.5" marker-end="url(#${text.id}-arrow)"/>
<text x="${round((x1 + x2) / 2)}" y="${round((y1 + y2) / 2 - 4)}" text-anchor="middle" class="graph-edge-label" font-size="11">${label}</text></g>`;
  });
  const nodes = data.nodes.map((n) => {
    const p = at(n.ref.id);
    const w = widths.get(n.ref.id) ?? 0;
    const box = html`<rect x="${round(p.x - w / 2)}" y="${round(p.y - NODE_HEIGHT / 2)}" width="${w}" height="${NODE_HEIGHT}" rx="${n.ref.type === 'person' ? NODE_HEIGHT / 2 : 4}" fill="#ffffff" stroke="#14213d" stroke-width="${n.role === 'focus' ? 3 : 1.5}"/>
<text x="${round(p.x)}" y="${round(p.y + FONT / 2 - 2)}" text-anchor="middle" font-size="${FONT}" fill="#1b1b1b">${shortName(n.ref.name)}</text>`;
    const tooltip = html`<title>${n.ref.name} (${ROLE_WORDS[n.role]})</title>`;
    return n.role === 'focus'
      ? html`<g class="graph-node graph-node-focus" aria-current="page">${tooltip}${box}</g>`
      : html`<a href="${recordUrl(n.ref.type, n.ref.id)}" class="graph-node graph-node-${n.role}">${tooltip}${box}</a>`;
  });
  const { x, y, width, height } = layout.bounds;
  const omitted = data.omitted ? ` ${data.omitted} more ${data.omitted === 1 ? 'party is' : 'parties are'} not drawn.` : '';
  return html`<figure class="chart relationship-graph">
<div class="chart-scroll">
<svg viewBox="${round(x)} ${round(y)} ${round(width)} ${round(height)}" width="${Math.round(width)}" height="${Math.round(height)}" role="group" aria-labelledby="${text.id}-title ${text.id}-desc" font-family="system-ui, sans-serif">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${data.nodes.length} parties and ${edges.length} relationships; owners, parents and investors above, subsidiaries and holdings below.${omitted} ${text.tableNote}</desc>
<defs><marker id="${text.id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#505a5f"/></marker></defs>
<g class="graph-edges">${edges}</g>
<g class="graph-nodes">${nodes}</g>
</svg>
</div>
<figcaption>${text.title}${text.title.endsWith('.') ? '' : '.'} Owners, parents and investors are drawn above, subsidiaries and holdings below; each line names the relationship and its dates.${omitted} ${text.tableNote}</figcaption>
</figure>`;
}
