import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { FPDS_FIXTURE_ENTRIES, fpdsFeedPage } from '../../procurement/testing/fpds-feed-pages.js';
import { registerScreenCommand } from './screen.js';

const root = projectRoot();
const sample = join(root, 'test', 'fixtures', 'usaspending', 'sample-contract-transactions.csv');
const watchlist = join(root, 'test', 'fixtures', 'watchlist.json');

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const program = new Command('countersign').exitOverride();
  registerScreenCommand(program, { loadWatchlist: () => Promise.reject(new Error('no registry in this test')), stdout, stderr });
  await program.parseAsync(['node', 'countersign', 'screen', ...args]);
  return { stdout: stdout.text, stderr: stderr.text };
}

describe('countersign screen', () => {
  it('reports exactly the three Paragon transactions of the sample, with the real recipient matcher, as NDJSON in the issue\'s field order', async () => {
    const { stdout, stderr } = await run(['--json', '--watchlist', watchlist, sample]);
    const lines = stdout.trim().split('\n');
    const records: Record<string, unknown>[] = lines.map((line) => JSON.parse(line));
    expect(records.map((record) => Object.keys(record))).toEqual(
      Array(3).fill(['transactionKey', 'awardKey', 'piid', 'modification', 'actionDate', 'amount', 'organizationId', 'organizationName', 'event', 'score', 'reasons']),
    );
    expect(records).toMatchObject([
      { transactionKey: '7012_-NONE-_70CTD024P00000012_0_-NONE-_0', piid: '70CTD024P00000012', modification: '0', actionDate: '2024-09-27', amount: 2000000, organizationId: 'paragon-solutions-us', organizationName: 'Paragon Solutions (US) Inc.', event: 'award', score: 1 },
      { modification: 'P00001', actionDate: '2024-10-08', amount: 0, event: 'stop-work' },
      { modification: 'P00002', actionDate: '2025-08-29', event: 'stop-work-lifted' },
    ]);
    expect(stdout).not.toContain('PARAGON SYSTEMS');
    expect(stdout).not.toContain('70FBR224F00000311');
    expect(stderr).toContain('Screened 6 rows');
    expect(stderr).toContain('3 alerts (award 1, stop-work 1, stop-work-lifted 1)');
    expect(stderr).toContain('Skipped rows: 0.');
  });

  it('prints a readable table with the reasons and the summary', async () => {
    const { stdout, stderr } = await run(['--watchlist', watchlist, sample]);
    expect(stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(stdout).toMatch(/^action date\s+event\s+PIID/);
    expect(stdout).toContain('stop-work-lifted');
    expect(stdout).toContain("recipient UEI NW6QFTZACWM7 is Paragon Solutions (US) Inc.'s");
    expect(stdout).toContain('Matches: 3 alerts');
  });

  it('marks review items only when asked for them', async () => {
    // The stand-in matcher sends "PARAGON SYSTEMS, INC." to review (the real one drops it).
    const standIn = new URL('../../procurement/testing/stand-in-recipient-matcher.js', import.meta.url).href;
    const { stdout } = await run(['--json', '--include-review', '--matcher-module', standIn, '--watchlist', watchlist, sample]);
    const review = stdout.trim().split('\n').filter((line) => line.includes('"decision":"review"'));
    expect(review).toHaveLength(1);
    expect(review[0]).toContain('70FBR224F00000311');
  });

  it('screens an FPDS ATOM feed and a saved API answer through the same matcher', async () => {
    const feed = join(root, 'test', 'fixtures', 'fpds', 'paragon-ice-70CTD024P00000012.atom.xml');
    const api = join(root, 'test', 'fixtures', 'usaspending-api', 'spending-by-transaction-paragon-page-1.json');
    const { stdout, stderr } = await run(['--json', '--watchlist', watchlist, feed, api]);
    const events = stdout.trim().split('\n').map((line) => {
      const record: { event: string; modification: string } = JSON.parse(line);
      return `${record.modification} ${record.event}`;
    });
    expect(events).toEqual(['0 award', 'P00001 stop-work', 'P00002 stop-work-lifted', 'P00002 stop-work-lifted', 'P00001 stop-work']);
    expect(stderr).toContain('from 2 inputs');
  });

  it('fails clearly when the watchlist cannot be read, with the threads already started', async () => {
    await expect(run(['--json', '--watchlist', join(root, 'no-such-watchlist.json'), sample])).rejects.toMatchObject({ code: 'BAD_WATCHLIST' });
  });

  it('exits 0 when nothing matches (the real CLI, in its own process)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'countersign-cli-'));
    const empty = join(dir, 'empty-watchlist.json');
    writeFileSync(empty, JSON.stringify({ version: 'empty', entries: [] }));
    const cli = join(root, 'dist', 'src', 'cli', 'main.js');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, 'screen', '--json', '--watchlist', empty, sample]);
    expect(stdout).toBe('');
    expect(stderr).toContain('Matches: 0 alerts');
  });

  it('stops quietly when the reader of its output goes away (| head -1)', async () => {
    const cli = join(root, 'dist', 'src', 'cli', 'main.js');
    const { stdout } = await promisify(execFile)('/bin/sh', ['-c', `"${process.execPath}" "${cli}" screen --json --watchlist "${watchlist}" "${sample}" "${sample}" "${sample}" | head -1`]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  describe('an FPDS feed URL (a 127.0.0.1 stub of the feed, three pages linked by rel="next")', () => {
    let server: Server;
    let base = '';
    const asked: string[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        asked.push(request.url ?? '');
        const page = new URL(request.url ?? '/', base).searchParams.get('page');
        const pages: Record<string, string> = {
          '1': fpdsFeedPage(FPDS_FIXTURE_ENTRIES.slice(0, 1), `${base}/feed?q=PARAGON&page=2`),
          '2': fpdsFeedPage(FPDS_FIXTURE_ENTRIES.slice(1, 2), '/feed?q=PARAGON&page=3'),
          '3': fpdsFeedPage(FPDS_FIXTURE_ENTRIES.slice(2)),
        };
        const body = pages[page ?? ''];
        response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/atom+xml' }).end(body ?? 'no such page');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address: AddressInfo | string | null = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      base = `http://127.0.0.1:${address.port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('follows the next-page links and finds the award, the stop-work order and the lift, not Paragon Systems', async () => {
      asked.length = 0;
      const { stdout, stderr } = await run(['--json', '--watchlist', watchlist, `${base}/feed?q=PARAGON&page=1`]);
      const events = stdout.trim().split('\n').map((line) => {
        const record: { event: string; modification: string } = JSON.parse(line);
        return `${record.modification} ${record.event}`;
      });
      expect(events).toEqual(['0 award', 'P00001 stop-work', 'P00002 stop-work-lifted']);
      expect(stdout).not.toContain('70FBR224F00000311');
      expect(asked).toEqual(['/feed?q=PARAGON&page=1', '/feed?q=PARAGON&page=2', '/feed?q=PARAGON&page=3']);
      expect(stderr).toContain('Screened 4 rows');
      expect(stderr).not.toContain('Skipped input');
    });

    it('reads at most --max-pages pages and names the first page it did not read', async () => {
      asked.length = 0;
      const { stdout, stderr } = await run(['--json', '--max-pages', '2', '--watchlist', watchlist, `${base}/feed?q=PARAGON&page=1`]);
      expect(stdout.trim().split('\n')).toHaveLength(2);
      expect(asked).toHaveLength(2);
      expect(stderr).toContain(`Skipped input ${base}/feed?q=PARAGON&page=3: not read: the limit of 2 feed pages was reached (--max-pages)`);
    });
  });
});
