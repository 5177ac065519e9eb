import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createCountersignApp } from '../../src/app/create-countersign-app.js';
import { openLedger } from '../../src/app/open-ledger.js';
import { generateSignerKey, parseSignerKey } from '../../src/ledger/note/signer-key.js';
import type { ServerSettings } from '../../src/server/server-settings.js';
import type { Store } from '../../src/store/store.js';

/** Serves the whole app (portal, API, log) over a store on 127.0.0.1 at a free port, as `serve` does. */
export async function serveForBench(store: Store, settings: ServerSettings): Promise<{ origin: string; close: () => Promise<void> }> {
  const { signerKey, verifierKey } = generateSignerKey('bench.countersign.test/log');
  const ledger = await openLedger({ store, signer: parseSignerKey(signerKey), verifierKey });
  const app = createCountersignApp({ store, ledger, settings });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the bench server has no TCP address');
  return {
    origin: `http://127.0.0.1:${(address satisfies AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ledger.close();
    },
  };
}
