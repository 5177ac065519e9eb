import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { addFactoryOrganizations } from '../../../test/support/bulk-organizations.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { serveOnLoopback } from '../../web/testing/serve-on-loopback.js';
import { DEFAULT_EXPORT_LIMITS, serverSettings, type ExportLimits } from '../server-settings.js';

const RECORDS = 300;

/**
 * Issue #12: concurrent anonymous exports starved every other request (`/log/checkpoint` took 29 s
 * behind two) and nothing limited them. A small registry here; bench:export shows the same at
 * 20,000 records.
 */
describeEachBackend('exports under load', (getStore) => {
  let ledger: Ledger;
  const servers: { origin: string; close: () => Promise<void> }[] = [];
  const serveWith = async (exports: ExportLimits) => {
    const server = await serveOnLoopback(createCountersignApp({ store: getStore(), ledger, settings: serverSettings({ behindProxy: true, exports }) }));
    servers.push(server);
    return server.origin;
  };
  beforeAll(async () => {
    await addFactoryOrganizations(getStore(), RECORDS);
    ledger = await openTestLedger(getStore());
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await ledger.close();
  });

  it('keeps answering /log/checkpoint while four exports stream, and every export is whole', async () => {
    const origin = await serveWith({ workers: 2, perClient: 4, queue: 2 });
    let finished = false;
    const downloads = Promise.all(
      Array.from({ length: 4 }, async () => {
        const res = await fetch(`${origin}/api/v1/export?format=ndjson`);
        return { status: res.status, lines: (await res.text()).split('\n').length - 1 };
      }),
    ).finally(() => {
      finished = true;
    });
    // Before the fix, the exports' reads never let the event loop take another request: the
    // first probe was answered only when they were done.
    let answeredWhileExporting = 0;
    while (!finished && answeredWhileExporting < 5) {
      const res = await fetch(`${origin}/log/checkpoint`);
      expect(res.status).toBe(200);
      await res.text();
      if (!finished) answeredWhileExporting += 1;
    }
    expect(answeredWhileExporting).toBe(5);
    expect(await downloads).toEqual(Array(4).fill({ status: 200, lines: RECORDS + 1 }));
  });

  it('refuses a client past its limit of concurrent exports with 429 and Retry-After, but not another client', async () => {
    // Without a socket (app.request), an unread body stays unread: the two held exports cannot
    // finish behind the test's back into a socket buffer.
    const app = createCountersignApp({ store: getStore(), ledger, settings: serverSettings({ behindProxy: true, exports: { ...DEFAULT_EXPORT_LIMITS, perClient: 2 } }) });
    const asClient = async (address: string) => app.request('http://localhost/api/v1/export?format=ndjson', { headers: { 'x-forwarded-for': address } });
    const held = [await asClient('192.0.2.10'), await asClient('192.0.2.10')];
    expect(held.map((r) => r.status)).toEqual([200, 200]);
    const refused = await asClient('192.0.2.10');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED');
    const other = await asClient('192.0.2.11');
    expect(other.status).toBe(200);
    await other.body?.cancel();
    // Leaving a download gives its place back.
    await held[0]?.body?.cancel();
    const again = await asClient('192.0.2.10');
    expect(again.status).toBe(200);
    await again.body?.cancel();
    await held[1]?.body?.cancel();
  });
});
