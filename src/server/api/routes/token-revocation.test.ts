import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createUser, signedInClient } from '../../../../test/support/test-app.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import type { Store } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import { createApp } from '../../create-app.js';

async function logCount(store: Store): Promise<number> {
  return Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachBackend('DELETE /api/v1/tokens/{id}', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    app = createApp({ store: getStore() });
    await createUser(getStore(), 'ada', 'admin');
    await createUser(getStore(), 'cora', 'contributor');
  });

  it('answers 404 and logs nothing for a token that does not exist, even to an admin', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const user of ['ada', 'cora']) {
      const client = await signedInClient(app, user);
      const before = await logCount(getStore());
      const res = await client.request(`/api/v1/tokens/${missing}`, { method: 'DELETE' });
      expect(res.status, user).toBe(404);
      expect(await logCount(getStore()), user).toBe(before);
    }
  });

  it('still lets an admin revoke someone else\'s token, and its owner their own, with one log entry each', async () => {
    const cora = await signedInClient(app, 'cora');
    const ada = await signedInClient(app, 'ada');
    const create = async () => ((await (await cora.request('/api/v1/tokens', { json: { name: 'script' } })).json()) as { id: string }).id;
    for (const [revoker, id] of [[ada, await create()], [cora, await create()]] as const) {
      const before = await logCount(getStore());
      expect((await revoker.request(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect(await logCount(getStore())).toBe(before + 1);
    }
  });
});
