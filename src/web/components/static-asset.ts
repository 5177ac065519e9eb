import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root.js';

/**
 * Where the portal's static files live: in the source tree, not in dist/ (the compiler does not
 * copy them), found from the project root so it works from `src/` and `dist/src/` alike.
 *
 * @example
 * readFileSync(join(staticRoot(), 'site.css'), 'utf8');
 */
export function staticRoot(): string {
  return join(projectRoot(), 'src', 'web', 'static');
}

const versions = new Map<string, string>();

/**
 * The URL of a static file with a content hash in its query (`/static/site.css?v=3f2a…`), so the
 * file can be cached for a year and a new version still reaches every reader at once.
 *
 * @example
 * staticUrl('site.css'); // '/static/site.css?v=1a2b3c4d5e6f'
 */
export function staticUrl(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    try {
      version = createHash('sha256').update(readFileSync(join(staticRoot(), name))).digest('hex').slice(0, 12);
    } catch {
      version = 'missing';
    }
    versions.set(name, version);
  }
  return `/static/${name}?v=${version}`;
}
