/**
 * Whether `length` bytes at `offset` in an arena equal those at `start` in `bytes`. Eight bytes a
 * step, read as float64: two equal float64 values other than zero have the same bits (IEEE 754:
 * only +0 and -0 differ in bits yet compare equal, and NaN equals nothing), so any other outcome
 * is settled byte by byte. Shared by the per-worker verdict cache and the shared no-match table.
 *
 * @example
 * sameBytes(arena, arenaView, slotOffset, rowBytes, rowView, fieldStart, fieldLength);
 */
export function sameBytes(arena: Uint8Array, arenaView: DataView, offset: number, bytes: Uint8Array, view: DataView, start: number, length: number): boolean {
  let j = 0;
  for (; j + 8 <= length; j += 8) {
    const stored = arenaView.getFloat64(offset + j, true);
    if (stored === view.getFloat64(start + j, true) && stored !== 0) continue;
    for (let k = j; k < j + 8; k++) if (arena[offset + k] !== bytes[start + k]) return false;
  }
  for (; j < length; j++) if (arena[offset + j] !== bytes[start + j]) return false;
  return true;
}
