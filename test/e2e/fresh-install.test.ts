import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { independentlyVerify } from '../support/independent-verifier.js';
import { SAMPLE_TRANSACTIONS } from '../support/screen-fixture.js';
import { freePort, runCli, startServer } from './cli-process.js';

// The issues' "done when", as a user of a fresh clone would check them: the real CLI in child
// processes, the real server on a socket, an empty data directory.
describe('a fresh installation, through the command line and HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-e2e-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'countersign.db')}`, COUNTERSIGN_LOG_KEY_FILE: join(dir, 'log.key'), COUNTERSIGN_LOG_ORIGIN: 'e2e.countersign.test/log' };
  let server: Awaited<ReturnType<typeof startServer>>;
  let cookie = '';
  let csrf = '';

  beforeAll(async () => {
    const added = runCli(['user', 'add', 'root', '--role', 'admin'], { ...env, COUNTERSIGN_PASSWORD: 'a long admin passphrase' });
    expect(added.status, added.stderr).toBe(0);
    server = await startServer(env, await freePort());
    const login = await fetch(`${server.base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root', password: 'a long admin passphrase' }) });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (path: string, body: unknown) =>
    fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });

  it('serves the bundled registry: search, organisation, contract', async () => {
    const search = (await (await fetch(`${server.base}/api/v1/search?q=paragon`)).json()) as { results: { name: string }[] };
    expect(search.results.slice(0, 2).map((r) => r.name)).toEqual(['Paragon Solutions (US) Inc.', 'Paragon Solutions Ltd.']);
    const page = await (await fetch(`${server.base}/organizations/paragon-solutions-us`)).text();
    expect(page).toContain('70CTD024P00000012');
    const saito = (await (await fetch(`${server.base}/api/v1/search?q=saito%20tech`)).json()) as { results: { id: string }[] };
    expect(saito.results[0]?.id).toBe('candiru');
  });

  it('logs registry changes so an independent verifier recomputes and checks the tree', async () => {
    expect((await write('/api/v1/records/organization/ae-industrial-partners/status', { status: 'verified' })).status).toBe(200);
    expect((await write('/api/v1/designations/coseinc--us-bis--entity-list--2021-11-03/delisting', { delisted: '2026-02-01', sources: ['commerce-2021-11-03'] })).status).toBe(200);
    const entries = (await (await fetch(`${server.base}/api/v1/log/entries?subject=designation:coseinc--us-bis--entity-list--2021-11-03`)).json()) as { items: { type: string }[] };
    for (let i = 0; i < 50 && entries.items.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      Object.assign(entries, await (await fetch(`${server.base}/api/v1/log/entries?subject=designation:coseinc--us-bis--entity-list--2021-11-03`)).json());
    }
    expect(entries.items.map((e) => e.type)).toContain('registry.designation.delisted');
    const result = await independentlyVerify(async (path) => {
      const response = await fetch(`${server.base}${path}`);
      expect(response.status, path).toBe(200);
      return response;
    });
    expect(result.origin).toBe('e2e.countersign.test/log');
    const verified = runCli(['log', 'verify', server.base, '--state', join(dir, 'verify-state.json')], env);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^ok: e2e\.countersign\.test\/log at size \d+/m);
    // Without --state, the state goes to the data directory (one file per log), not the working directory.
    const workdir = mkdtempSync(join(dir, 'cwd-'));
    const again = runCli(['log', 'verify', server.base], env, undefined, workdir);
    expect(again.status, again.stderr).toBe(0);
    // The instance's data directory is where its log key and database live (here `dir`), never the working directory.
    expect(readdirSync(workdir)).toEqual([]);
    expect(readdirSync(join(dir, 'verified-logs')).sort()).toEqual([`127.0.0.1-${new URL(server.base).port}-log.json`, `127.0.0.1-${new URL(server.base).port}-log.json.key`]);
  });

  it('screens the sample file: exactly the three Paragon transactions', () => {
    const screened = runCli(['screen', '--json', SAMPLE_TRANSACTIONS], env);
    expect(screened.status, screened.stderr).toBe(0);
    const lines = screened.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; organizationName: string });
    expect(lines.map((l) => l.event)).toEqual(['award', 'stop-work', 'stop-work-lifted']);
    expect(lines.every((l) => l.organizationName === 'Paragon Solutions (US) Inc.')).toBe(true);
  });

  it('imports a dataset once, and a second import changes nothing', () => {
    const file = join(dir, 'more.json');
    writeFileSync(file, JSON.stringify({ sources: [{ id: 'e2e-report', title: 'An e2e report', publisher: 'Test' }], organizations: [{ id: 'e2e-vendor', name: 'E2E Vendor Ltd.', kind: 'vendor', sources: ['e2e-report'] }] }));
    expect(runCli(['registry', 'import', file], env).stdout).toMatch(/: 2 records written \(1 source, 1 organization\), 0 unchanged/);
    expect(runCli(['registry', 'import', file], env).stdout).toMatch(/: 0 records written, 2 unchanged/);
    writeFileSync(file, JSON.stringify({ organizations: [{ id: 'bad', name: 'Bad', kind: 'spyware-shop', sources: ['e2e-report'] }] }));
    const bad = runCli(['registry', 'import', file], env);
    expect(bad.status).toBe(1);
    // Named once: the message names the first problem, the list does not repeat it.
    expect(bad.stderr.match(/organizations\[0\]\.kind/g)).toHaveLength(1);
  });

  it('after the server stops: log check passes, finds a tampered row, and replay rebuilds the registry', async () => {
    await server.stop();
    // Entries the CLI import appended after the server's last sequencing step are integrated now.
    const sequenced = runCli(['log', 'sequence'], env);
    expect(sequenced.status, sequenced.stderr).toBe(0);
    expect(sequenced.stdout).toMatch(/^e2e\.countersign\.test\/log\n\d+\n/);
    const ok = runCli(['log', 'check'], env);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const replay = runCli(['log', 'replay', '--into', `sqlite:${join(dir, 'replayed.db')}`], env);
    expect(replay.status, replay.stdout + replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(/identical/);

    const db = new Database(join(dir, 'countersign.db'));
    const row = db.prepare('select id, entry from log_entries where leaf_index = 3').get() as { id: number; entry: string };
    db.prepare('update log_entries set entry = ? where id = ?').run(row.entry.replace('"v":1', '"v":1,"x":0'), row.id);
    db.close();
    const tampered = runCli(['log', 'check'], env);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/entry 3/);
  });
});
