import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Hono } from 'hono';
import { CommandError } from '../../core/command-error.js';
import { projectRoot } from '../../core/project-root.js';
import { recordIdSchema } from '../../registry/schemas/common.js';
import type { AppEnv } from '../../server/app-env.js';
import { getRecord } from '../../store/registry/get-record.js';
import type { PortalDependencies } from '../portal-dependencies.js';

/** Archived copies live here, inside the dataset directory; nothing outside it is ever served. */
const ARCHIVE_FOLDER = 'archive';

/** The kinds of archived copy the portal serves, by extension. Text only, for now. */
const TYPES: Readonly<Record<string, string>> = { '.txt': 'text/plain; charset=utf-8' };

interface ArchiveFile {
  readonly segments: readonly string[];
  readonly type: string;
}

/** Where a source's file is kept and what it is, or null when it is not an archived copy we serve. */
function archiveFile(file: string): ArchiveFile | null {
  const segments = file.split('/');
  if (segments[0] !== ARCHIVE_FOLDER || segments.length < 2) return null;
  // The schema already refuses "." and ".." segments; checked again because this is where a path
  // from a record meets the file system.
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  const type = TYPES[extname(file).toLowerCase()];
  return type === undefined ? null : { segments, type };
}

/**
 * `GET /sources/{id}/archive`: the archived copy the dataset keeps of a source (issue #13,
 * "Sources"), served as it is stored. Before sending, the bytes are hashed and compared with the
 * SHA-256 the source records (and the transparency log carries): a copy that no longer matches is
 * an error, never served as the cited document. The digest goes out as `Repr-Digest` (RFC 9530
 * §3) and as the ETag, so a reader can check what they got against the source page and the log.
 *
 * @example
 * addSourceArchiveRoutes(app, { store, datasetDirectory: '/srv/countersign/dataset' });
 */
export function addSourceArchiveRoutes(app: Hono<AppEnv>, { store, datasetDirectory }: PortalDependencies): void {
  const root = datasetDirectory ?? join(projectRoot(), 'dataset');

  app.get('/sources/:id/archive', async (c) => {
    const id = c.req.param('id');
    const source = recordIdSchema.safeParse(id).success ? await getRecord(store.db, 'source', id) : null;
    if (!source) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no source with this id in the registry.' });
    const archive = source.file !== undefined ? archiveFile(source.file) : null;
    if (!archive || source.sha256 === undefined) {
      throw new CommandError({ code: 'NOT_FOUND', message: 'The registry keeps no archived copy of this source.' });
    }
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(join(root, ...archive.segments)));
    } catch {
      throw new CommandError({ code: 'NOT_FOUND', message: 'The archived copy of this source is not on this server.' });
    }
    const digest = createHash('sha256').update(body);
    const hex = digest.copy().digest('hex');
    if (hex !== source.sha256) {
      throw new Error(`the archived copy of source ${source.id} (${archive.segments.join('/')}) does not match its recorded SHA-256: recorded ${source.sha256}, file ${hex}`);
    }
    const etag = `"sha256-${hex}"`;
    c.header('etag', etag);
    c.header('repr-digest', `sha-256=:${digest.digest('base64')}:`);
    c.header('cache-control', 'public, max-age=300');
    c.header('content-disposition', `inline; filename="${basename(archive.segments.join('/'))}"`);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.body(body, 200, { 'content-type': archive.type });
  });
}
