import { MAX_TREE_SIZE } from '../merkle/tree-size.js';
import { TileError } from './tile-error.js';
import { TILE_WIDTH, type EntryBundleId, type TileId } from './tile-id.js';

/** What a path under `<prefix>/tile/` names. */
export type TilePath = { readonly kind: 'tile'; readonly tile: TileId } | { readonly kind: 'entries'; readonly bundle: EntryBundleId };

/**
 * The path of a tile below the log prefix (c2sp.org/tlog-tiles): `tile/<L>/<N>[.p/<W>]`, with the
 * index in 3-digit groups, all but the last prefixed by `x`.
 *
 * @example
 * formatTilePath({ level: 0, index: 1234067n, width: 256 });  // 'tile/0/x001/x234/067'
 * formatTilePath({ level: 1, index: 5n, width: 17 });         // 'tile/1/005.p/17'
 */
export function formatTilePath(tile: TileId): string {
  return `tile/${tile.level}/${formatIndex(tile.index)}${partialSuffix(tile.width)}`;
}

/**
 * The path of an entry bundle below the log prefix: `tile/entries/<N>[.p/<W>]`.
 *
 * @example
 * formatEntryBundlePath({ index: 0n, width: 3 });  // 'tile/entries/000.p/3'
 */
export function formatEntryBundlePath(bundle: EntryBundleId): string {
  return `tile/entries/${formatIndex(bundle.index)}${partialSuffix(bundle.width)}`;
}

/**
 * Parses a path below `<prefix>/tile/` (without that part), accepting only the canonical form the
 * spec defines: level 0–63 without leading zeroes, 3-digit groups with `x` on all but the last and
 * no leading `x000` group, width 1–255 without leading zeroes. The path comes from a URL, so it is
 * attacker-controlled: everything else is refused with `BAD_TILE_PATH`.
 *
 * @example
 * parseTilePath('0/x001/x234/067.p/8');  // { kind: 'tile', tile: { level: 0, index: 1234067n, width: 8 } }
 * parseTilePath('entries/000');          // { kind: 'entries', bundle: { index: 0n, width: 256 } }
 */
export function parseTilePath(path: string): TilePath {
  const bad = (why: string): TileError => new TileError({ code: 'BAD_TILE_PATH', message: `tile path: ${why}`, where: path.slice(0, 100) });
  if (path.length > 64) throw bad('too long');
  let rest = path;
  let width = TILE_WIDTH;
  const partial = /\.p\/([^/]*)$/.exec(rest);
  if (partial !== null) {
    const digits = partial[1] ?? '';
    if (!/^[1-9][0-9]{0,2}$/.test(digits) || Number(digits) >= TILE_WIDTH) throw bad('partial width must be 1-255');
    width = Number(digits);
    rest = rest.slice(0, partial.index);
  }
  const slash = rest.indexOf('/');
  if (slash < 0) throw bad('want <level>/<index>');
  const levelText = rest.slice(0, slash);
  const index = parseIndex(rest.slice(slash + 1));
  if (index === undefined) throw bad('index must be 3-digit groups like x001/234');
  if (levelText === 'entries') return { kind: 'entries', bundle: { index, width } };
  if (!/^(?:0|[1-9][0-9]?)$/.test(levelText) || Number(levelText) > 63) throw bad('level must be 0-63');
  return { kind: 'tile', tile: { level: Number(levelText), index, width } };
}

function formatIndex(index: bigint): string {
  const digits = index.toString();
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = padded.match(/\d{3}/g) ?? ['000'];
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
}

function parseIndex(text: string): bigint | undefined {
  const groups = text.split('/');
  // 2^63 has 19 digits: seven groups are more than any index can need.
  if (groups.length > 7) return undefined;
  const last = groups.length - 1;
  if (!groups.every((group, i) => (i < last ? /^x\d{3}$/ : /^\d{3}$/).test(group))) return undefined;
  if (groups.length > 1 && groups[0] === 'x000') return undefined;
  const index = BigInt(groups.map((group) => group.replace('x', '')).join(''));
  return index <= MAX_TREE_SIZE ? index : undefined;
}

function partialSuffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`tile width ${width} out of range`);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}
