import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../server/app-env.js';

/**
 * The id of what an API call created (a change, a tip), checked rather than assumed.
 *
 * @example
 * const changeId = await createdId(await analyst.request('/api/v1/changes', { json: proposal }));
 */
export async function createdId(res: Response): Promise<string> {
  return z.object({ id: z.string() }).parse(await res.json()).id;
}

/** A page as a test reads it. */
export interface FetchedPage {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

/**
 * A browser without JavaScript, for tests: follows nothing on its own, keeps the session cookie
 * it is given, and posts forms as `application/x-www-form-urlencoded` with the `_csrf` field it
 * found on the last page it read (as a real form would carry it).
 *
 * @example
 * const browser = new PortalClient(app);
 * await browser.signIn('eddie', 'correct horse battery staple');
 * await browser.postForm('/review/…/accept', { note: 'checked' });
 */
export class PortalClient {
  readonly #app: Hono<AppEnv>;
  #cookie: string | null = null;
  #csrf: string | null = null;

  constructor(app: Hono<AppEnv>) {
    this.#app = app;
  }

  get cookie(): string | null {
    return this.#cookie;
  }

  async get(path: string): Promise<FetchedPage> {
    const res = await this.#app.request(`http://localhost${path}`, { headers: this.#cookie ? { cookie: this.#cookie } : {} });
    const text = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text);
    if (csrf?.[1]) this.#csrf = csrf[1];
    return { status: res.status, text, headers: res.headers };
  }

  /** Posts a form; `withCsrf: false` leaves the token out (to test that it is required). */
  async postForm(path: string, fields: Readonly<Record<string, string>>, { withCsrf = true }: { withCsrf?: boolean } = {}): Promise<FetchedPage> {
    const body = new URLSearchParams(fields);
    if (withCsrf && this.#csrf && this.#cookie) body.set('_csrf', this.#csrf);
    const res = await this.#app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.#cookie ? { cookie: this.#cookie } : {}) },
      body: body.toString(),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.#cookie = pair.endsWith('=') ? null : pair;
    }
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Posts a multipart form with one file (`file`), as an upload form does; `withCsrf` as for postForm. */
  async postUpload(path: string, fields: Readonly<Record<string, string>>, file: { name: string; bytes: Uint8Array }, { withCsrf = true }: { withCsrf?: boolean } = {}): Promise<FetchedPage & { bytes: Uint8Array }> {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.set(key, value);
    if (withCsrf && this.#csrf && this.#cookie) body.set('_csrf', this.#csrf);
    body.set('file', new File([new Uint8Array(file.bytes)], file.name));
    const res = await this.#app.request(`http://localhost${path}`, { method: 'POST', headers: this.#cookie ? { cookie: this.#cookie } : {}, body });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, text: new TextDecoder().decode(bytes), headers: res.headers, bytes };
  }

  /** Signs in through the /login form and reads a page to pick up the CSRF token. */
  async signIn(username: string, password: string): Promise<FetchedPage> {
    const res = await this.postForm('/login', { username, password, next: '/' });
    if (res.status === 303) await this.get('/');
    return res;
  }
}
