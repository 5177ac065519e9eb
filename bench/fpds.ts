import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/core/project-root.js';

/**
 * bench:fpds — peak memory of reading an FPDS ATOM feed, by size: the streaming reader
 * (`readFpdsAtomFile`) against the feed read whole and parsed into one tree (fast-xml-parser, what
 * Countersign did before). Each run is a child process reporting its own peak RSS (getrusage).
 * The anchor: a 200 MB feed read whole peaked at 1.35 GB; target: memory independent of size.
 */
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '20,200,400' }, whole: { type: 'boolean', default: true } } });
const root = projectRoot();
const dir = join(root, '.bench', 'fpds');
mkdirSync(dir, { recursive: true });
const fixture = readFileSync(join(root, 'test', 'fixtures', 'fpds', 'paragon-ice-70CTD024P00000012.atom.xml'), 'utf8');
const head = fixture.slice(0, fixture.indexOf('<entry>'));
const entries = fixture.slice(fixture.indexOf('<entry>'), fixture.lastIndexOf('</feed>'));

/** A feed of about `mb` MB: the fixture's four entries again and again, each with its own PIID. */
function generate(mb: number): string {
  const file = join(dir, `feed-${mb}mb.xml`);
  if (existsSync(file) && statSync(file).size >= mb * 1e6) return file;
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  let written = head.length;
  for (let n = 0; written < mb * 1e6; n++) {
    const block = entries.replaceAll('70CTD024P00000012', `70CTD0${String(n).padStart(11, '0')}`);
    writeSync(fd, block);
    written += block.length;
  }
  writeSync(fd, '</feed>\n');
  closeSync(fd);
  return file;
}

const streamScript = `
import { readFpdsAtomFile } from ${JSON.stringify(join(root, 'dist', 'src', 'procurement', 'fpds', 'parse-fpds-atom.js'))};
let n = 0; for await (const item of readFpdsAtomFile(process.argv[1])) if (item.kind === 'transaction') n++;
console.log(JSON.stringify({ transactions: n, maxRssKiB: process.resourceUsage().maxRSS }));`;
const wholeScript = `
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, trimValues: true, isArray: (name) => name === 'entry' });
const document = parser.parse(readFileSync(process.argv[1], 'utf8'), true);
console.log(JSON.stringify({ transactions: document.feed.entry.length, maxRssKiB: process.resourceUsage().maxRSS }));`;

function run(script: string, file: string, heapMb?: number): { transactions: number; peakMb: number; seconds: number } {
  const started = performance.now();
  const out = execFileSync(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--input-type=module', '-e', script, file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  const parsed: unknown = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  if (typeof parsed !== 'object' || parsed === null || !('transactions' in parsed) || !('maxRssKiB' in parsed)) throw new Error(`unexpected output: ${out}`);
  return { transactions: Number(parsed.transactions), peakMb: Number(parsed.maxRssKiB) / 1024, seconds: (performance.now() - started) / 1000 };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('bench:fpds — peak RSS reading an FPDS ATOM feed (child process per run)');
console.log(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}\n`);
for (const mb of values.sizes.split(',').map(Number)) {
  const file = generate(mb);
  const size = statSync(file).size / 1e6;
  const streamed = run(streamScript, file);
  console.log(`${fmt(size)} MB feed, ${fmt(streamed.transactions)} awards`);
  console.log(`  streamed (readFpdsAtomFile)    peak RSS ${fmt(streamed.peakMb)} MB   ${fmt(streamed.seconds, 1)} s   (${fmt(size / streamed.seconds)} MB/s)`);
  // With the JavaScript heap capped at 32 MB the streamed read must still finish: its live memory
  // is one entry and one read buffer, whatever the feed's size (RSS above counts lazy GC too).
  const capped = run(streamScript, file, 32);
  console.log(`  streamed, heap capped at 32 MB  finished: ${fmt(capped.transactions)} awards, peak RSS ${fmt(capped.peakMb)} MB`);
  if (values.whole) {
    if (mb > 200) continue; // read whole, 400 MB would need ~2 GB
    const whole = run(wholeScript, file);
    console.log(`  read whole (fast-xml-parser)   peak RSS ${fmt(whole.peakMb)} MB   ${fmt(whole.seconds, 1)} s   — before: the issue measured 1.35 GB at 200 MB`);
  }
}
console.log('\ntarget: streamed peak RSS the same at every size (memory independent of the feed)');
