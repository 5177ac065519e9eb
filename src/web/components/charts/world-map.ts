import { scaleQuantize, scaleSqrt } from 'd3-scale';
import { countNoun } from '../../../core/count-noun.js';
import { countryName } from '../../../registry/labels.js';
import { html, type SafeHtml } from '../html.js';
import { countryGeometry, MAP_WIDTH, worldBaseMap, worldMapHeight } from './world-geometry.js';

/** How many records concern one country (ISO 3166-1 alpha-2). */
export interface CountryCount {
  readonly country: string;
  readonly count: number;
}

export interface WorldMapText {
  /** Unique on the page: ids of the title, description and table derive from it. */
  readonly id: string;
  readonly title: string;
  /** The counted thing, singular and plural: ['incident', 'incidents']. */
  readonly noun: readonly [string, string];
  /** One sentence on what is counted ("Countries where targets of documented incidents were."). */
  readonly about: string;
  /** A page listing what is counted in one country, when there is one. */
  readonly countryHref?: (country: string) => string;
}

/** Where the portal serves the base map (see map-routes.ts); versioned so it can be cached for a year. */
export function worldBaseMapUrl(): string {
  return `/maps/world.svg?v=${worldBaseMap().version}`;
}

const LEVELS = 4;
const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * A world map of counts per country, server-rendered SVG: the base map (Natural Earth via
 * world-atlas, one cached image), each counted country shaded by its count, and a circle whose
 * area is proportional to the count at the centre of its largest part — so small countries such
 * as Bahrain are seen too. Each country's tooltip gives its name and count. The SVG is an image
 * with a title and a description naming every country and count; the same figures follow as a
 * table (in a disclosure), for screen readers and for copying.
 *
 * @example
 * worldMap([{ country: 'IT', count: 1 }, { country: 'MX', count: 3 }], { id: 'incident-map', title: 'Where targets were', noun: ['incident', 'incidents'], about: '…' });
 */
export function worldMap(counts: readonly CountryCount[], text: WorldMapText): SafeHtml {
  const rows = counts.filter((c) => c.count > 0).map((c) => ({ ...c, name: countryName(c.country) })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  if (rows.length === 0) return html``;
  const [one, many] = text.noun;
  const height = worldMapHeight();
  const max = Math.max(...rows.map((r) => r.count));
  const radius = scaleSqrt().domain([0, max]).range([0, 14]);
  const level = scaleQuantize<number>().domain([0, max]).range([1, 2, 3, 4].slice(0, LEVELS));
  const placed = rows.map((r) => ({ ...r, ...countryGeometry(r.country), words: `${r.name}: ${countNoun(r.count, one, many)}` }));
  const shapes = placed.flatMap((p) => (p.path ? [html`<path d="${p.path}" class="map-country map-level-${level(p.count)}" fill="#9ab8d8" stroke="#ffffff" stroke-width="0.6"><title>${p.words}</title></path>`] : []));
  const circles = [...placed]
    .sort((a, b) => b.count - a.count)
    .flatMap((p) => (p.centre ? [html`<circle cx="${p.centre[0]}" cy="${p.centre[1]}" r="${round(Math.max(3, radius(p.count)))}" class="map-symbol" fill="#a4262c" fill-opacity="0.75" stroke="#ffffff" stroke-width="1"><title>${p.words}</title></circle>`] : []));
  const summary = rows.map((r) => `${r.name} ${r.count}`).join(', ');
  const unplaced = placed.filter((p) => p.centre === null);
  const table = rows.map((r) => html`<tr><th scope="row">${text.countryHref ? html`<a href="${text.countryHref(r.country)}">${r.name}</a>` : r.name}</th><td class="amount">${r.count}</td></tr>`);
  return html`<figure class="chart world-map" id="${text.id}">
<svg viewBox="0 0 ${MAP_WIDTH} ${height}" width="${MAP_WIDTH}" height="${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${text.about} ${countNoun(rows.length, 'country', 'countries')}, most first: ${summary}.</desc>
<image href="${worldBaseMapUrl()}" x="0" y="0" width="${MAP_WIDTH}" height="${height}"/>
<g class="map-countries">${shapes}</g>
<g class="map-symbols">${circles}</g>
</svg>
<figcaption>${text.title}. ${text.about} Shading and circle area grow with the number of ${many}; point at a country for its name and count.${unplaced.length > 0 ? ` Not on the map: ${unplaced.map((p) => p.words).join('; ')}.` : ''}</figcaption>
<details class="chart-table"><summary>The map as a table</summary>
<table><caption>${text.title}: ${many} per country</caption>
<thead><tr><th scope="col">Country</th><th scope="col">${many.charAt(0).toUpperCase()}${many.slice(1)}</th></tr></thead>
<tbody>${table}</tbody></table>
</details>
</figure>`;
}
