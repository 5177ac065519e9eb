import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { serverSettings } from '../../server/server-settings.js';
import { PortalClient } from '../testing/portal-client.js';

const NEW_PASSWORD = 'violet kettle under 9 bridges';

describeEachBackend('password forms', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore(), settings: serverSettings({ publicUrl: new URL('https://countersign.example.org') }) });
    await createUser(getStore(), 'ada', 'admin');
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'eve', 'editor');
  });

  it('changes a password with the current one, shows the policy\'s reason for a common one, and signs out', async () => {
    const browser = new PortalClient(app);
    await browser.signIn('ana', TEST_PASSWORD);
    expect((await browser.get('/account/password')).text).toContain('<label for="current-password">');
    const common = await browser.postForm('/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234', confirm: 'password1234' });
    expect(common.status).toBe(400);
    expect(common.text).toContain('New password: is one of the most common passwords');
    const done = await browser.postForm('/account/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Password set');
    expect((await new PortalClient(app).signIn('ana', NEW_PASSWORD)).status).toBe(303);
  });

  it('sends an anonymous reader to sign in first', async () => {
    expect((await new PortalClient(app).get('/account/password')).status).toBe(401);
  });

  it('lets an admin issue a reset link on the public URL, which sets a password once', async () => {
    const admin = new PortalClient(app);
    await admin.signIn('ada', TEST_PASSWORD);
    expect((await admin.get('/admin/users')).text).toContain('action="/admin/users/eve/reset-link"');
    const issued = await admin.postForm('/admin/users/eve/reset-link', {});
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('private, no-store');
    const link = /<code class="reset-link">([^<]+)<\/code>/.exec(issued.text)?.[1] ?? '';
    expect(link).toMatch(/^https:\/\/countersign\.example\.org\/account\/reset\/pr_/);
    const path = new URL(link).pathname;

    const reader = new PortalClient(app);
    const form = await reader.get(path);
    expect(form.headers.get('cache-control')).toBe('private, no-store');
    expect(form.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await reader.postForm(path, { newPassword: NEW_PASSWORD, confirm: 'something else entirely' })).status).toBe(400);
    expect((await reader.postForm(path, { newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(200);
    expect((await reader.postForm(path, { newPassword: 'another fine long passphrase', confirm: 'another fine long passphrase' })).status).toBe(404);
    expect((await new PortalClient(app).signIn('eve', NEW_PASSWORD)).status).toBe(303);
  });

  it('keeps the accounts page to admins', async () => {
    const editor = new PortalClient(app);
    await editor.signIn('eve', NEW_PASSWORD);
    expect((await editor.get('/admin/users')).status).toBe(403);
  });
});
