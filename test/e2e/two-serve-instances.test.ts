import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCountersignApp } from '../../src/app/create-countersign-app.js';
import { openLedger, type Ledger } from '../../src/app/open-ledger.js';
import { checkLog } from '../../src/ledger/check/check-log.js';
import { generateSignerKey, parseSignerKey } from '../../src/ledger/note/signer-key.js';
import { DEFAULT_RATE_LIMITS, serverSettings } from '../../src/server/server-settings.js';
import type { Store } from '../../src/store/store.js';
import { serveOnLoopback } from '../../src/web/testing/serve-on-loopback.js';
import { createUser, TEST_PASSWORD } from '../support/test-app.js';
import { TEST_ORIGIN } from '../support/test-ledger.js';
import { describeEachBackend } from '../support/test-store.js';
import { openStore } from '../../src/app/open-store.js';

const DAY = 24 * 3600 * 1000;
const TIPS = DEFAULT_RATE_LIMITS.tips.limit;

/** A round-robin reverse proxy on 127.0.0.1 that says who the client is, as a load balancer does. */
async function roundRobinProxy(targets: readonly string[]): Promise<{ origin: string; server: Server }> {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const target = new URL(targets[next++ % targets.length] ?? '');
    const forwarded = request(
      { hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? 'unknown' } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');
  return { origin: `http://127.0.0.1:${(address satisfies AddressInfo).port}`, server };
}

/**
 * Two `serve` app instances — each with its own database connections, sequencer, caches and
 * export gate, as two processes have — over one database, behind a round-robin proxy: how an
 * instance grows past one process (README, "More than one process").
 */
describeEachBackend('two serve instances on one database', (getStore, dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-two-'));
  const stores: Store[] = [];
  const ledgers: Ledger[] = [];
  const closers: (() => Promise<void>)[] = [];
  let proxy: { origin: string; server: Server };

  beforeAll(async () => {
    // SQLite: two connections to one file; PostgreSQL: a second pool on the suite's schema.
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'shared.db')}` : getStore().description;
    const { signerKey, verifierKey } = generateSignerKey(TEST_ORIGIN);
    const settings = serverSettings({ behindProxy: true, rateLimits: { ...DEFAULT_RATE_LIMITS, tips: { ...DEFAULT_RATE_LIMITS.tips, windowMs: DAY } } });
    const origins: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const store = await openStore(url);
      const ledger = await openLedger({ store, signer: parseSignerKey(signerKey), verifierKey, pollMs: 50 });
      const served = await serveOnLoopback(createCountersignApp({ store, ledger, settings }));
      stores.push(store);
      ledgers.push(ledger);
      closers.push(served.close);
      origins.push(served.origin);
    }
    const first = stores[0];
    if (!first) throw new Error('no first instance');
    await createUser(first, 'ana', 'analyst');
    proxy = await roundRobinProxy(origins);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
    for (const close of closers) await close();
    for (const ledger of ledgers) await ledger.close();
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lands every acknowledged write, in one log, and holds the tip limit across both instances', async () => {
    const send = () => fetch(`${proxy.origin}/api/v1/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'A new contract', body: 'Agency X bought a licence from vendor Y.' }) });
    const answers = await Promise.all(Array.from({ length: TIPS }, send));
    expect(answers.map((a) => a.status)).toEqual(Array(TIPS).fill(201));
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id));
    // Each instance saw about half: only a count kept in the database refuses the next one.
    expect((await send()).status).toBe(429);

    const store = stores[0];
    if (!store) throw new Error('no store');
    const landed = await store.db.selectFrom('tips').select('id').where('id', 'in', ids).execute();
    expect(landed).toHaveLength(TIPS);

    // One log: both sequencers integrate every entry into the same tree.
    const entries = Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Each instance serves the stored log: ask both (the proxy alternates) until both show every entry.
    const servedSize = async () => (await (await fetch(`${proxy.origin}/log/checkpoint`)).text()).split('\n').slice(0, 3).join('\n');
    const deadline = Date.now() + 20_000;
    let checkpoints = [await servedSize(), await servedSize()];
    while (checkpoints.some((c) => !c.includes(`\n${entries}\n`)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      checkpoints = [await servedSize(), await servedSize()];
    }
    expect(checkpoints[0]).toBe(checkpoints[1]);
    expect(checkpoints[0]).toContain(`\n${entries}\n`);
    const ledger = ledgers[0];
    if (!ledger) throw new Error('no ledger');
    const report = await checkLog(ledger.storage, ledger.verifierKey);
    expect(report.problems).toEqual([]);
    expect(Number(report.entries)).toBe(entries);
  });

  it('keeps a session signed in on one instance valid on the other', async () => {
    const signIn = await fetch(`${proxy.origin}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: TEST_PASSWORD }) });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (let i = 0; i < 2; i += 1) {
      const who = (await (await fetch(`${proxy.origin}/api/v1/session`, { headers: { cookie } })).json()) as { authenticated: boolean; username: string };
      expect(who).toMatchObject({ authenticated: true, username: 'ana' });
    }
  });
});
