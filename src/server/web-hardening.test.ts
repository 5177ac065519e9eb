import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInClient, TEST_PASSWORD } from '../../test/support/test-app.js';
import { openTestLedger } from '../../test/support/test-ledger.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './app-env.js';
import { serverSettings } from './server-settings.js';
import { openStore } from '../app/open-store.js';

const PUBLIC = 'https://countersign.example.org';

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() };
}

describeEachBackend('web hardening', (getStore) => {
  let app: Hono<AppEnv>;
  let proxied: Hono<AppEnv>;
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await openTestLedger(getStore());
    app = createCountersignApp({ store: getStore(), ledger, settings: serverSettings({ publicUrl: new URL(PUBLIC) }) });
    proxied = createCountersignApp({ store: getStore(), ledger, settings: serverSettings({ publicUrl: new URL(PUBLIC), behindProxy: true }) });
    await createUser(getStore(), 'ana', 'analyst');
  });
  afterAll(() => ledger.close());

  describe('Cache-Control: no-store on private data and CSRF tokens', () => {
    it('on the API session (it carries the CSRF token), on sign-in, and on any answer to a signed-in request', async () => {
      const signIn = await app.request(`${PUBLIC}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: TEST_PASSWORD }) });
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('cache-control')).toBe('private, no-store');
      const ana = await signedInClient(app, 'ana');
      for (const path of ['/api/v1/session', '/api/v1/changes', '/api/v1/search?q=x', '/api/v1/tips']) {
        const res = await ana.request(path);
        expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      }
    });

    it('on the portal\'s sign-in form, which sets the cookie for a reader not yet signed in', async () => {
      const page = await app.request(`${PUBLIC}/login`);
      const csrf = /name="_csrf" value="([^"]*)"/.exec(await page.text())?.[1] ?? '';
      const signIn = await app.request(`${PUBLIC}/login`, form({ username: 'ana', password: TEST_PASSWORD, _csrf: csrf }, { origin: PUBLIC }));
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('set-cookie')).toMatch(/^countersign_session=/);
      expect(signIn.headers.get('cache-control')).toBe('private, no-store');
    });

    it('but not on public pages read anonymously', async () => {
      expect((await app.request(`${PUBLIC}/designations`)).headers.get('cache-control')).toBe('no-cache');
    });
  });

  describe('security headers', () => {
    it('go out on pages, API answers, feeds, not-found pages, problems and refused bodies alike', async () => {
      const answers = [
        await app.request(`${PUBLIC}/`),
        await app.request(`${PUBLIC}/api/v1/search?q=paragon`),
        await app.request(`${PUBLIC}/feeds/alerts.atom`),
        await app.request(`${PUBLIC}/no-such-page`),
        await app.request(`${PUBLIC}/api/v1/organizations/no-such-organisation`),
        await app.request(`${PUBLIC}/api/v1/search?limit=1000`),
        await app.request(`${PUBLIC}/api/v1/tips`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) }, body: 'x'.repeat(2 * 1024 * 1024) }),
      ];
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 404, 404, 400, 413]);
      for (const res of answers) {
        expect(res.headers.get('content-security-policy'), res.url).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      }
    });

    it('give each response its own nonce', async () => {
      const nonces = new Set<string>();
      for (let i = 0; i < 300; i += 1) nonces.add(/'nonce-([^']+)'/.exec((await app.request(`${PUBLIC}/api/v1/search?q=x`)).headers.get('content-security-policy') ?? '')?.[1] ?? '');
      expect(nonces.size).toBe(300);
    });
  });

  describe('HSTS', () => {
    it('is sent over TLS, and behind a trusted proxy that says so; never over plain HTTP or on a forged header', async () => {
      const hsts = (res: Response) => res.headers.get('strict-transport-security');
      expect(hsts(await app.request(`${PUBLIC}/`))).toBe('max-age=31536000; includeSubDomains');
      expect(hsts(await app.request('http://localhost/'))).toBeNull();
      expect(hsts(await app.request('http://localhost/', { headers: { 'x-forwarded-proto': 'https' } }))).toBeNull();
      expect(hsts(await proxied.request('http://localhost/', { headers: { 'x-forwarded-proto': 'https' } }))).toBe('max-age=31536000; includeSubDomains');
    });
  });

  describe('the public URL comes from configuration, never from the Host header', () => {
    it('in the Atom feed (id and links) and the /log instructions', async () => {
      const feed = await (await app.request('http://evil.example/feeds/alerts.atom', { headers: { host: 'evil.example' } })).text();
      expect(feed).toContain(`<id>${PUBLIC}/feeds/alerts.atom</id>`);
      expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${PUBLIC}/feeds/alerts.atom"/>`);
      expect(feed).not.toContain('evil.example');
      const log = await (await app.request('http://evil.example/log', { headers: { host: 'evil.example' } })).text();
      expect(log).toContain(`countersign log verify ${PUBLIC}</code>`);
      expect(log).not.toContain('evil.example');
    });

    it('and an empty feed is dated now, not 1970', async () => {
      const feed = await (await app.request(`${PUBLIC}/feeds/alerts.atom`)).text();
      expect(feed).not.toContain('<entry>');
      const updated = /<updated>([^<]+)<\/updated>/.exec(feed)?.[1] ?? '';
      expect(updated).not.toMatch(/^1970/);
      expect(Math.abs(Date.parse(updated) - Date.now())).toBeLessThan(60_000);
    });
  });

  describe('sign-in from another origin', () => {
    it('refuses POST /login with Origin: null (login CSRF) and sets no cookie', async () => {
      for (const path of ['/login', '/api/v1/session']) {
        const res = path === '/login'
          ? await app.request(`${PUBLIC}/login`, form({ username: 'ana', password: TEST_PASSWORD }, { origin: 'null' }))
          : await app.request(`${PUBLIC}/api/v1/session`, { method: 'POST', headers: { origin: 'null', 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: TEST_PASSWORD }) });
        expect(res.status, path).toBe(403);
        expect(res.headers.get('set-cookie'), path).toBeNull();
      }
    });

    it('refuses an origin that matches only the Host header the client chose, and accepts the public URL\'s', async () => {
      const spoofed = await app.request('http://evil.example/login', form({ username: 'ana', password: TEST_PASSWORD }, { origin: 'http://evil.example', host: 'evil.example' }));
      expect(spoofed.status).toBe(403);
      const ours = await app.request(`${PUBLIC}/login`, form({ username: 'ana', password: TEST_PASSWORD }, { origin: PUBLIC }));
      expect(ours.status).toBe(303);
    });
  });
});

describe('the SQLite database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-mode-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is created readable and writable by its owner only (0600), and so are its WAL files', async () => {
    const file = join(dir, 'countersign.db');
    const store = await openStore(`sqlite:${file}`);
    try {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(path).mode & 0o777).toString(8), path).toBe('600');
    } finally {
      await store.close();
    }
  });
});
