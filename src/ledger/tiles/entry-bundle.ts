import { TileError } from './tile-error.js';
import { TILE_WIDTH } from './tile-id.js';

/** The longest entry a bundle can hold: its length prefix is a big-endian uint16. */
export const MAX_ENTRY_SIZE = 0xffff;

/**
 * Encodes entries as an entry bundle (c2sp.org/tlog-tiles "Log entries"): each entry prefixed by
 * its length as a big-endian uint16. At most 256 entries; each at most 65,535 bytes.
 *
 * @example
 * encodeEntryBundle([new Uint8Array([0x61])]);  // Uint8Array [0x00, 0x01, 0x61]
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length > TILE_WIDTH) throw new TileError({ code: 'BAD_BUNDLE', message: `a bundle holds at most ${TILE_WIDTH} entries` });
  let size = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_SIZE) {
      throw new TileError({ code: 'ENTRY_TOO_LARGE', message: `entry of ${entry.length} bytes exceeds ${MAX_ENTRY_SIZE}` });
    }
    size += 2 + entry.length;
  }
  const bundle = new Uint8Array(size);
  const view = new DataView(bundle.buffer);
  let at = 0;
  for (const entry of entries) {
    view.setUint16(at, entry.length);
    bundle.set(entry, at + 2);
    at += 2 + entry.length;
  }
  return bundle;
}

/**
 * Decodes an entry bundle. The bytes come from the network: a truncated length or entry, trailing
 * bytes, more than 256 entries, or (when `expectedCount` is given) any other count than the
 * bundle's width is refused with `BAD_BUNDLE`. The entries are views into `bundle`.
 *
 * @example
 * const entries = decodeEntryBundle(bytes, 256);
 */
export function decodeEntryBundle(bundle: Uint8Array, expectedCount?: number): Uint8Array[] {
  const bad = (why: string): TileError => new TileError({ code: 'BAD_BUNDLE', message: `entry bundle: ${why}` });
  const view = new DataView(bundle.buffer, bundle.byteOffset, bundle.byteLength);
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bundle.length) {
    if (entries.length === TILE_WIDTH) throw bad(`more than ${TILE_WIDTH} entries`);
    if (at + 2 > bundle.length) throw bad('truncated length prefix');
    const length = view.getUint16(at);
    if (at + 2 + length > bundle.length) throw bad(`entry ${entries.length} truncated`);
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  if (expectedCount !== undefined && entries.length !== expectedCount) {
    throw bad(`holds ${entries.length} entries, want ${expectedCount}`);
  }
  return entries;
}
