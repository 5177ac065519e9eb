import { html, type SafeHtml } from '../html.js';
import { worldMap, type CountryCount } from './world-map.js';

/**
 * The world map of designations by the country of the designated organisation (or the
 * nationality of the designated person), for the designations list.
 *
 * @example
 * designationMap(await readDesignationCountryCounts(db, { authority: 'US-BIS' }), true);
 */
export function designationMap(counts: readonly CountryCount[], filtered: boolean): SafeHtml {
  if (counts.length === 0) return html``;
  return worldMap(counts, {
    id: 'designation-map',
    title: filtered ? 'Where the designated vendors and people of this selection are based' : 'Where designated vendors and people are based',
    noun: ['designation', 'designations'],
    about: 'Designations by the country of the designated organization or the nationality of the designated person (subjects with neither are not counted).',
  });
}
