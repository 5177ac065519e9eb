import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/project-root.js';
import { SAMPLE_TRANSACTIONS } from '../support/screen-fixture.js';
import { runCliAsync } from './cli-process.js';

const recorded = (name: string): string => readFileSync(join(projectRoot(), 'test', 'fixtures', 'usaspending-api', name), 'utf8');

// `countersign sync usaspending` against a stub of the API on 127.0.0.1 answering with recorded
// JSON (never the network), then `screen --save` of the same transactions from the CSV.
describe('countersign sync usaspending and screen --save', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-sync-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'countersign.db')}` };
  let server: Server;
  let base = '';
  const terms: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const body = JSON.parse(text) as { filters: { recipient_search_text: string[] }; page: number };
        const term = body.filters.recipient_search_text[0] ?? '';
        terms.push(term);
        const paragon = term === 'Paragon Solutions (US) Inc.' || term === 'NW6QFTZACWM7';
        response.writeHead(200, { 'content-type': 'application/json' }).end(recorded(paragon ? `spending-by-transaction-paragon-page-${body.page}.json` : 'spending-by-transaction-empty.json'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through the API per watchlist name and UEI, and saves the Paragon alerts', async () => {
    const run = await runCliAsync(['sync', 'usaspending', '--since', '2024-09-01', '--until', '2025-09-30', '--base-url', base, '--json', '--save'], env);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; organizationId: string; piid: string });
    expect(lines.map((l) => l.event).sort()).toEqual(['award', 'stop-work', 'stop-work-lifted']);
    expect(lines.every((l) => l.organizationId === 'paragon-solutions-us')).toBe(true);
    expect(terms).toContain('NW6QFTZACWM7');
    expect(terms).toContain('Candiru');
    expect(run.stderr).toMatch(/Saved: 3 alerts raised, 0 queued for review, 0 already known/);
  });

  it('knows the same transactions when the CSV is saved afterwards, and a second sync adds nothing', async () => {
    const screen = await runCliAsync(['screen', '--save', SAMPLE_TRANSACTIONS], env);
    expect(screen.status, screen.stderr).toBe(0);
    expect(screen.stderr).toMatch(/0 alerts raised, 0 queued for review, 3 already known/);
    const again = await runCliAsync(['sync', 'usaspending', '--since', '2024-09-01', '--until', '2025-09-30', '--base-url', base, '--save'], env);
    expect(again.stderr).toMatch(/Saved: 0 alerts raised, 0 queued for review, 3 already known/);
  });
});
