import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { loadWatchlistFile } from './load-watchlist-file.js';
import { runScreen } from './run-screen.js';

class Terminal extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const sample = join(projectRoot(), 'test', 'fixtures', 'usaspending', 'sample-contract-transactions.csv');

describe('runScreen', () => {
  it('draws a progress bar on stderr only when stderr is a terminal, and clears it', async () => {
    const watchlist = loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json'));
    const tty = new Terminal(true);
    await runScreen({ files: [sample], watchlist, json: true, stdout: new Terminal(false), stderr: tty });
    expect(tty.text).toMatch(/\r\[#+\]\s+100%\s+0 MB \/ 0 MB\s+\d+ MB\/s\s+[\d,]+ rows\/s\s+ETA/);
    expect(tty.text).toContain('\r\x1b[2K');
    const pipe = new Terminal(false);
    await runScreen({ files: [sample], watchlist, json: true, stdout: new Terminal(false), stderr: pipe });
    expect(pipe.text).not.toContain('\r');
    expect(pipe.text.startsWith('Screened 6 rows')).toBe(true);
  });
});
