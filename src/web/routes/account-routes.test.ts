import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

describeEachBackend('sign-in and sign-out forms', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'ana', 'analyst');
  });

  it('shows a labelled form', async () => {
    const page = await new PortalClient(app).get('/login?next=/review');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post" action="/login"');
    expect(page.text).toContain('<label for="login-username">');
    expect(page.text).toContain('<label for="login-password">');
    expect(page.text).toContain('<input type="hidden" name="next" value="/review">');
  });

  it('sets an HTTP-only session cookie and redirects (303) to where the reader was going', async () => {
    const browser = new PortalClient(app);
    const res = await browser.postForm('/login', { username: 'ana', password: TEST_PASSWORD, next: '/review' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/review');
    expect(res.headers.get('set-cookie')).toMatch(/^countersign_session=[^;]+;.*HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const home = await browser.get('/');
    expect(home.text).toContain('Signed in as <strong>ana</strong> (analyst)');
    expect(home.text).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(home.headers.get('cache-control')).toBe('private, no-store');
  });

  it('shows the form again with a vague message after a wrong password, and sets no cookie', async () => {
    const res = await new PortalClient(app).postForm('/login', { username: 'ana', password: 'wrong', next: '/' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.text).toContain('Invalid username or password.');
    expect(res.text).toContain('value="ana"');
  });

  it('never redirects to another site after signing in', async () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const res = await new PortalClient(app).postForm('/login', { username: 'ana', password: TEST_PASSWORD, next });
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('signs out with a POST carrying the CSRF token, and refuses one without it', async () => {
    const browser = new PortalClient(app);
    await browser.signIn('ana', TEST_PASSWORD);
    const refused = await browser.postForm('/logout', {}, { withCsrf: false });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('CSRF');
    expect((await browser.get('/')).text).toContain('Signed in as');
    const res = await browser.postForm('/logout', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(browser.cookie).toBeNull();
  });
});
