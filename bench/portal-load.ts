/**
 * The load generator of bench:portal, run as its own process so that it does not share the
 * server's event loop: autocannon with `connections` connections for `seconds` against `origin`,
 * cycling through `paths`. Prints one JSON line: requests/s, exact latency percentiles from every
 * response's time, and the non-2xx and error counts.
 *
 * @example
 * node dist/bench/portal-load.js load.json   # {"origin":"http://127.0.0.1:8080","paths":["/"],"connections":10,"seconds":5}
 */
import { readFileSync } from 'node:fs';

interface LoadRequest {
  readonly origin: string;
  readonly paths: readonly string[];
  readonly connections: number;
  readonly seconds: number;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;

const request = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadRequest;
// autocannon ships no types; the options and result fields used here are its documented API.
const autocannon = ((await import('autocannon' as string)) as { default: Autocannon }).default;
const times: number[] = [];
const instance = autocannon({
  url: request.origin,
  connections: request.connections,
  duration: request.seconds,
  requests: request.paths.map((path) => ({ method: 'GET', path })),
});
instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
const result = await instance;
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
console.log(JSON.stringify({ rps: result.requests.average, total: result.requests.total, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times.at(-1) ?? 0, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }));
