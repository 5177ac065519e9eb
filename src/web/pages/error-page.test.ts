import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

describeEachBackend('error pages', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'connie', 'contributor');
  });

  it('answers an unknown address with a 404 page that helps', async () => {
    const page = await new PortalClient(app).get('/no/such/page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<h1>Not found</h1>');
    expect(page.text).toContain('<a href="/search">search the registry</a>');
  });

  it('answers a bad request with a 400 page naming the field', async () => {
    const page = await new PortalClient(app).get('/designations?offset=-5');
    expect(page.status).toBe(400);
    expect(page.text).toContain('<code>offset</code>');
  });

  it('answers a signed-in reader without the role with a 403 page', async () => {
    const contributor = new PortalClient(app);
    await contributor.signIn('connie', TEST_PASSWORD);
    const page = await contributor.get('/review');
    expect(page.status).toBe(403);
    expect(page.text).toContain('<h1>Not allowed</h1>');
  });

  it('leaves API errors as problem details', async () => {
    const res = await app.request('http://localhost/api/v1/organizations/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
