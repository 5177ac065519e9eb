import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ANONYMOUS } from '../../accounts/actor.js';
import { CommandError } from '../../core/command-error.js';
import type { AppEnv } from '../../server/app-env.js';
import type { SafeHtml } from '../components/html.js';
import type { PageFrame } from '../components/layout.js';

/**
 * The frame of the page being answered: who asks and where they are. An error raised before
 * authentication (a revoked API token on a page URL) leaves no auth state; the page is then
 * shown as to an anonymous reader.
 *
 * @example
 * return pageResponse(c, searchPage(pageFrame(c, request.q), request, response));
 */
export function pageFrame(c: Context<AppEnv>, query?: string): PageFrame {
  const auth = c.get('auth') ?? { actor: ANONYMOUS, user: null, via: 'none', csrfToken: null };
  const url = new URL(c.req.url);
  return { auth, path: url.pathname, ...(query !== undefined ? { query } : {}) };
}

/**
 * Sends a page. Pages are revalidated on every visit (`no-cache`) and vary by cookie, so a
 * signed-in editor's view (with its CSRF token) is never served to someone else by a cache.
 *
 * @example
 * return pageResponse(c, tipFormPage(pageFrame(c), values, error.issues), 400);
 */
export function pageResponse(c: Context<AppEnv>, page: SafeHtml, status: ContentfulStatusCode = 200): Response {
  c.header('cache-control', c.get('auth')?.user ? 'private, no-store' : 'no-cache');
  c.header('vary', 'Cookie');
  return c.html(page.toString(), status);
}

/**
 * The value, or a 404 for the page that was asked for.
 *
 * @example
 * const view = found(await readPerson(db, id), 'person with this id');
 */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new CommandError({ code: 'NOT_FOUND', message: `There is no ${what} in the registry.` });
  return value;
}

/**
 * A form's text fields (files are ignored: no portal form uploads anything).
 *
 * @example
 * const { username = '', password = '' } = await formFields(c);
 */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  return out;
}
