import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiRouter } from '../server/api/api-router.js';
import { openTestLedger } from '../../test/support/test-ledger.js';
import { openTestStore, type TestStore } from '../../test/support/test-store.js';
import { createCountersignApp } from './create-countersign-app.js';

let opened: TestStore;
beforeAll(async () => {
  opened = await openTestStore('sqlite');
});
afterAll(async () => {
  await opened.dispose();
});

it('every JSON route of the whole app (log routes included) declares its response through a zod presenter', async () => {
  let router: ApiRouter | undefined;
  createCountersignApp({ store: opened.store, ledger: await openTestLedger(opened.store), inspect: (r) => (router = r) });
  const routes = router?.routes ?? [];
  expect(routes.map((r) => r.operationId)).toEqual(expect.arrayContaining(['search', 'getOrganization', 'getCheckpoint'].filter((id) => routes.some((r) => r.operationId === id))));
  expect(routes.some((r) => r.path.startsWith('/log'))).toBe(true);
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((r) => r.undeclaredJson).map((r) => `${r.method.toUpperCase()} ${r.path} (${r.operationId})`)).toEqual([]);
});
