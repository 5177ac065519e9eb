import { html, type SafeHtml } from '../html.js';
import { worldMap, type CountryCount } from './world-map.js';

/**
 * The world map of documented incidents by the countries their targets were in, for the home
 * page and the incidents index (which passes its filtered counts).
 *
 * @example
 * incidentMap(await readIncidentCountryCounts(db));
 */
export function incidentMap(counts: readonly CountryCount[], countryHref?: (country: string) => string): SafeHtml {
  if (counts.length === 0) return html``;
  return worldMap(counts, {
    id: 'incident-map',
    title: 'Where targets of documented abuse were',
    noun: ['incident', 'incidents'],
    about: 'Documented incidents by the country their targets were in; an incident with targets in several countries counts in each.',
    ...(countryHref ? { countryHref } : {}),
  });
}
