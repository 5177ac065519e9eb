import { parseArgs } from 'node:util';
import { FUZZ_TARGETS } from './fuzz-targets.js';

/**
 * `npm run fuzz` — every parser of untrusted input fuzzed for `--seconds` each (default 30): after a
 * crash, fuzzing goes on from a new seed, so one run can find several. Prints executions, rate and
 * crashes per target, each crash with its shrunk counterexample and seed; exits 1 on any crash.
 * `--target TEXT` runs only the targets whose name contains TEXT.
 */
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, target: { type: 'string' } } });
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--seconds must be a positive number, not ${values.seconds}`);
const targets = FUZZ_TARGETS.filter((t) => values.target === undefined || t.name.includes(values.target));
if (targets.length === 0) throw new Error(`no fuzz target matches ${values.target}`);

console.log(`npm run fuzz — ${targets.length} targets, ${seconds} s each (Node ${process.version})\n`);
const rows: string[] = [];
let crashed = 0;
for (const target of targets) {
  const until = performance.now() + seconds * 1000;
  let executions = 0;
  const crashes = new Map<string, string>();
  while (performance.now() < until) {
    const run = await target.run({ numRuns: 1_000_000_000, timeLimitMs: Math.max(1, until - performance.now()), seed: Math.floor(Math.random() * 2 ** 31) });
    executions += run.executions;
    if (run.crash && !crashes.has(run.crash.error)) crashes.set(run.crash.error, `${run.crash.counterexample} (seed ${run.crash.seed})`);
  }
  crashed += crashes.size;
  const line = `${target.name.padEnd(46)} ${executions.toLocaleString('en-US').padStart(11)} executions ${Math.round(executions / seconds).toLocaleString('en-US').padStart(8)}/s   ${crashes.size} crash${crashes.size === 1 ? '' : 'es'}`;
  console.log(line);
  for (const [error, example] of crashes) console.log(`    ${error}\n      input: ${example}`);
  rows.push(line);
}
console.log(`\n${crashed === 0 ? 'no crashes' : `${crashed} distinct crash(es)`}`);
if (crashed > 0) process.exitCode = 1;
