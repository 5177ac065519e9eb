import { BaseError } from '../../core/base-error.js';

/** Stable codes for tile paths, tiles and entry bundles that are refused. */
export type TileErrorCode =
  /** A URL path that is not a c2sp.org/tlog-tiles tile or entry bundle path in canonical form. */
  | 'BAD_TILE_PATH'
  /** Tile bytes that are not `width` hashes of 32 bytes. */
  | 'BAD_TILE'
  /** An entry bundle that is truncated, too long, or holds the wrong number of entries. */
  | 'BAD_BUNDLE'
  /** An entry longer than the 65,535 bytes a uint16 length prefix can carry. */
  | 'ENTRY_TOO_LARGE'
  /** A tile that does not exist in the tree of the given size. */
  | 'TILE_OUT_OF_RANGE';

/**
 * A tile, bundle or tile path that is refused.
 *
 * @example
 * throw new TileError({ code: 'BAD_TILE_PATH', message: 'leading zero in level', where: 'tile/01/000' });
 */
export class TileError extends BaseError<TileErrorCode> {}
