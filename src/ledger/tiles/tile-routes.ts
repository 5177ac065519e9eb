import { Hono } from 'hono';
import { HASH_SIZE } from '../merkle/hash.js';
import { parseCheckpoint } from '../note/checkpoint.js';
import { parseSignedNote } from '../note/signed-note.js';
import type { LogReader } from './log-reader.js';
import { TileError } from './tile-error.js';
import { TILE_WIDTH } from './tile-id.js';
import { parseTilePath, type TilePath } from './tile-path.js';
import { tileWidth } from './tile-width.js';

const TEXT = 'text/plain; charset=utf-8';
const BINARY = 'application/octet-stream';
// Full tiles and bundles never change (c2sp.org/tlog-tiles: "immutable, … long-lived").
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Partial tiles are only valid for some checkpoints and may be deleted once the full tile exists.
const PARTIAL = 'public, max-age=60';
// The checkpoint is mutable: "headers SHOULD prevent caching beyond a few seconds".
const MUTABLE = 'no-cache';

/**
 * The read side of the log over HTTP, as c2sp.org/tlog-tiles defines it, mounted under `/log/`:
 * `/log/checkpoint`, `/log/key` (the verifier key string, a Countersign addition),
 * `/log/tile/<L>/<N>[.p/<W>]` and `/log/tile/entries/<N>[.p/<W>]`. Malformed paths get 400, tiles
 * beyond the latest checkpoint's tree 404. No socket: mount it in the server, or call
 * `app.request(url)` in tests.
 *
 * @example
 * server.route('/', createTileRoutes(logReader));
 * await createTileRoutes(reader).request('http://localhost/log/checkpoint');
 */
export function createTileRoutes(reader: LogReader): Hono {
  const app = new Hono();

  app.get('/log/checkpoint', async (c) => {
    const note = await reader.readCheckpoint();
    if (note === undefined) return c.text('no checkpoint has been signed yet\n', 404);
    return c.body(typeof note === 'string' ? note : new Uint8Array(note), 200, { 'Content-Type': TEXT, 'Cache-Control': MUTABLE });
  });

  app.get('/log/key', (c) => c.body(`${reader.verifierKey}\n`, 200, { 'Content-Type': TEXT, 'Cache-Control': 'public, max-age=3600' }));

  app.get('/log/tile/*', async (c) => {
    // The raw path: percent-encodings are not part of any canonical tile path.
    const path = new URL(c.req.url).pathname.slice('/log/tile/'.length);
    let request: TilePath;
    try {
      request = parseTilePath(path);
    } catch (error) {
      if (error instanceof TileError) return c.text(`${error.message}\n`, 400);
      throw error;
    }
    const note = await reader.readCheckpoint();
    if (note === undefined) return c.text('no checkpoint has been signed yet\n', 404);
    const { size } = parseCheckpoint(parseSignedNote(note).text);

    const level = request.kind === 'tile' ? request.tile.level : 0;
    const { index, width } = request.kind === 'tile' ? request.tile : request.bundle;
    // A partial tile of any width up to what the tree holds is a prefix of the current one.
    const available = tileWidth(level, index, size);
    if (width > available || (width === TILE_WIDTH && available !== TILE_WIDTH)) {
      return c.text(`not in the tree of size ${size}\n`, 404);
    }
    const bytes = request.kind === 'tile' ? await reader.readTile(request.tile) : await reader.readEntryBundle(request.bundle);
    if (bytes === undefined) return c.text('not available\n', 404);
    if (request.kind === 'tile' && bytes.length !== width * HASH_SIZE) {
      throw new TileError({ code: 'BAD_TILE', message: `stored tile ${path} is ${bytes.length} bytes` });
    }
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': BINARY, 'Cache-Control': width === TILE_WIDTH ? IMMUTABLE : PARTIAL });
  });

  return app;
}
