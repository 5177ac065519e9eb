import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
// The library's index without its 80 name files (its default entry loads them all: a quarter of a second).
import i18nCountries from 'i18n-iso-countries/index.js';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The world as the portal's maps draw it: Natural Earth country shapes from `world-atlas`
 * (public-domain data, ISC package), projected with d3-geo's Equal Earth projection (equal-area,
 * so no country looks larger than it is). Nothing here is drawn by hand. Shapes are keyed by ISO
 * 3166-1 numeric code (world-atlas's feature ids); `i18n-iso-countries` maps the registry's
 * alpha-2 codes to them.
 */

export const MAP_WIDTH = 960;
/** Antarctica (ISO 3166-1 numeric 010) takes a fifth of the picture and holds no incidents. */
const ANTARCTICA = '010';

type CountryFeature = Feature<Geometry, { name: string }>;

function isTopology(value: unknown): value is Topology<{ countries: GeometryCollection<{ name: string }> }> {
  if (typeof value !== 'object' || value === null || !('type' in value) || value.type !== 'Topology' || !('objects' in value)) return false;
  const objects = value.objects;
  return typeof objects === 'object' && objects !== null && 'countries' in objects;
}

function loadCountries(file: 'countries-110m.json' | 'countries-50m.json'): { topology: Topology<{ countries: GeometryCollection<{ name: string }> }>; features: CountryFeature[] } {
  const path = createRequire(import.meta.url).resolve(`world-atlas/${file}`);
  const topology: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isTopology(topology)) throw new Error(`world-atlas/${file} is not a TopoJSON topology with countries`);
  const collection: FeatureCollection<Geometry, { name: string }> = feature(topology, topology.objects.countries);
  return { topology, features: collection.features.filter((f) => f.id !== ANTARCTICA) };
}

interface World {
  readonly projection: GeoProjection;
  readonly height: number;
  readonly byNumeric: ReadonlyMap<string, CountryFeature>;
  readonly baseSvg: string;
  readonly baseVersion: string;
}

let world: World | undefined;

/** The 1:110m shapes, projected to MAP_WIDTH, loaded once per process. */
function loadWorld(): World {
  if (world) return world;
  const { topology, features } = loadCountries('countries-110m.json');
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, collection);
  const path = geoPath(projection).digits(1);
  const height = Math.ceil(path.bounds(collection)[1][1]) + 1;
  const borders = path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '';
  const land = features.map((f) => path(f) ?? '').join('');
  const baseSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${height}" width="${MAP_WIDTH}" height="${height}">`
    + `<path d="${land}" fill="#e4e7ea"/><path d="${borders}" fill="none" stroke="#ffffff" stroke-width="0.6"/></svg>\n`;
  const byNumeric = new Map(features.flatMap((f) => (typeof f.id === 'string' ? [[f.id, f] as const] : [])));
  world = { projection, height, byNumeric, baseSvg, baseVersion: createHash('sha256').update(baseSvg).digest('hex').slice(0, 12) };
  return world;
}

let detailed: ReadonlyMap<string, CountryFeature> | undefined;

/** The 1:50m shapes, only for the centres of countries too small for the 1:110m set (Bahrain, Singapore, Malta). */
function detailedCountries(): ReadonlyMap<string, CountryFeature> {
  detailed ??= new Map(loadCountries('countries-50m.json').features.flatMap((f) => (typeof f.id === 'string' ? [[f.id, f] as const] : [])));
  return detailed;
}

/** The centre of a country's largest part: France's symbol belongs in Europe, not between it and French Guiana. */
function mainlandCentroid(f: CountryFeature): [number, number] {
  if (f.geometry.type !== 'MultiPolygon') return geoCentroid(f);
  const parts: Polygon[] = (f.geometry satisfies MultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  const largest = parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  return geoCentroid(largest);
}

/** The map's size: MAP_WIDTH by this height, in the same units as every shape and centre here. */
export function worldMapHeight(): number {
  return loadWorld().height;
}

/**
 * A country's shape (an SVG path, or null when it is too small for the 1:110m set) and the
 * projected centre of its largest part (null for a code no map knows, such as XK).
 *
 * @example
 * countryGeometry('IT'); // { path: 'M…Z', centre: [497.3, 143.9] }
 */
export function countryGeometry(alpha2: string): { readonly path: string | null; readonly centre: readonly [number, number] | null } {
  const { projection, byNumeric } = loadWorld();
  const numeric = i18nCountries.alpha2ToNumeric(alpha2);
  if (numeric === undefined) return { path: null, centre: null };
  const shape = byNumeric.get(numeric);
  const located = shape ?? detailedCountries().get(numeric);
  const projected = located ? projection(mainlandCentroid(located)) : null;
  const centre = projected ? ([Math.round(projected[0] * 10) / 10, Math.round(projected[1] * 10) / 10] as const) : null;
  return { path: shape ? geoPath(projection).digits(1)(shape) : null, centre };
}

/**
 * The base map (every country, grey, with borders) as a standalone SVG file, and a version that
 * changes with it, so pages can reference it as an image cached for a year.
 *
 * @example
 * const { svg, version } = worldBaseMap();
 */
export function worldBaseMap(): { readonly svg: string; readonly version: string } {
  const { baseSvg, baseVersion } = loadWorld();
  return { svg: baseSvg, version: baseVersion };
}
