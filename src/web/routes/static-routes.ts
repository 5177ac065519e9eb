import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Hono } from 'hono';
import { CommandError } from '../../core/command-error.js';
import type { AppEnv } from '../../server/app-env.js';
import { staticRoot } from '../components/static-asset.js';

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Path segments that stay inside the folder: no `..`, no hidden files, no odd characters. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly type: string;
  readonly etag: string;
}

/**
 * Serves /static/* from `src/web/static/` (read from the source tree: the compiler does not copy
 * these files). A request carrying the file's version (`?v=`, as `staticUrl` writes it) may be
 * cached for a year; one without may be cached for a day and revalidated by ETag.
 *
 * @example
 * addStaticRoutes(app); // GET /static/site.css?v=… → text/css, immutable
 */
export function addStaticRoutes(app: Hono<AppEnv>): void {
  const cache = new Map<string, StaticFile>();
  const load = async (segments: readonly string[]): Promise<StaticFile | null> => {
    const name = segments.join('/');
    const cached = cache.get(name);
    if (cached) return cached;
    const type = TYPES[extname(name).toLowerCase()];
    if (!type) return null;
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(join(staticRoot(), ...segments)));
    } catch {
      return null;
    }
    const file = { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    cache.set(name, file);
    return file;
  };

  app.get('/static/*', async (c) => {
    const segments = new URL(c.req.url).pathname.slice('/static/'.length).split('/');
    const file = segments.every((s) => SEGMENT.test(s)) ? await load(segments) : null;
    if (!file) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no such file.' });
    c.header('cache-control', c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=86400');
    c.header('etag', file.etag);
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
    c.header('content-type', file.type);
    return c.body(file.body, 200);
  });
}
