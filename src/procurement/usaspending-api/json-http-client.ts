import { BoundedFetchError } from '../../core/bounded-fetch-error.js';
import { fetchBounded, type BoundedResponse } from '../../core/fetch-bounded.js';
import { ProcurementError } from '../procurement-error.js';

/** The slice of HTTP the USAspending sync needs; tests and other transports plug in their own. */
export interface JsonHttpClient {
  postJson(url: string, body: unknown): Promise<unknown>;
}

export interface FetchClientOptions {
  /** For one whole attempt, body included; default 30 s. */
  readonly timeoutMs?: number;
  /** Until an attempt's response headers arrive; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** The largest answer read, enforced while reading; default 32 MiB (a page of 100 results is ~0.5 MB). */
  readonly maxBytes?: number;
  /** Attempts after the first, for 429 and 5xx answers and network errors. */
  readonly retries?: number;
  /** First wait; doubled each retry, or a Retry-After header when the server sends one. */
  readonly backoffMs?: number;
  readonly fetch?: typeof globalThis.fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;

/**
 * A JsonHttpClient over global fetch: a connect and an overall timeout per attempt, a size limit
 * enforced while the answer arrives (`fetchBounded`), and retries with exponential backoff on 429,
 * 5xx, network errors and timeouts (USAspending rate-limits bursts and has transient 5xx). An
 * answer over the size limit is not retried: it would be as large the next time.
 *
 * @example
 * const client = createFetchHttpClient({ timeoutMs: 30_000 });
 * const page = await client.postJson('https://api.usaspending.gov/api/v2/search/spending_by_transaction/', body);
 */
export function createFetchHttpClient(options: FetchClientOptions = {}): JsonHttpClient {
  const bounds = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: options.timeoutMs ?? 30_000, connectTimeoutMs: options.connectTimeoutMs ?? 10_000 };
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    async postJson(url: string, body: unknown): Promise<unknown> {
      let lastError: unknown = null;
      for (let attempt = 0; attempt <= retries; attempt++) {
        let wait = backoffMs * 2 ** attempt;
        let response: BoundedResponse | null = null;
        try {
          response = await fetchBounded(
            url,
            bounds,
            { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) },
            fetchImpl,
          );
        } catch (error) {
          if (error instanceof BoundedFetchError && error.code === 'TOO_LARGE') {
            throw new ProcurementError({ code: 'HTTP_FAILED', message: error.message, where: url, cause: error });
          }
          lastError = error; // a network error or a timeout: worth another try
        }
        if (response !== null) {
          const text = new TextDecoder().decode(response.body);
          if (response.status >= 200 && response.status < 300) return parseJson(text, url);
          lastError = new ProcurementError({ code: 'HTTP_FAILED', message: `POST ${url} answered ${response.status}: ${text.slice(0, 300)}`, where: url });
          if (!RETRYABLE(response.status)) throw lastError;
          const retryAfter = Number.parseFloat(response.headers.get('retry-after') ?? '');
          if (Number.isFinite(retryAfter)) wait = retryAfter * 1000;
        }
        if (attempt < retries) await sleep(wait);
      }
      throw lastError instanceof ProcurementError
        ? lastError
        : new ProcurementError({ code: 'HTTP_FAILED', message: lastError instanceof BoundedFetchError ? lastError.message : `POST ${url} failed: ${String(lastError)}`, where: url, cause: lastError });
    },
  };
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProcurementError({ code: 'BAD_API_RESPONSE', message: `POST ${url} answered with something that is not JSON`, where: url, cause: error });
  }
}
