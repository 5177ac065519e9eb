import { ProcurementError } from '../procurement-error.js';

/** The slice of HTTP the USAspending sync needs; tests and other transports plug in their own. */
export interface JsonHttpClient {
  postJson(url: string, body: unknown): Promise<unknown>;
}

export interface FetchClientOptions {
  readonly timeoutMs?: number;
  /** Attempts after the first, for 429 and 5xx answers and network errors. */
  readonly retries?: number;
  /** First wait; doubled each retry, or a Retry-After header when the server sends one. */
  readonly backoffMs?: number;
  readonly fetch?: typeof globalThis.fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;

/**
 * A JsonHttpClient over global fetch: a timeout per attempt, and retries with exponential backoff
 * on 429 and 5xx (USAspending rate-limits bursts and has transient 5xx).
 *
 * @example
 * const client = createFetchHttpClient({ timeoutMs: 30_000 });
 * const page = await client.postJson('https://api.usaspending.gov/api/v2/search/spending_by_transaction/', body);
 */
export function createFetchHttpClient(options: FetchClientOptions = {}): JsonHttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    async postJson(url: string, body: unknown): Promise<unknown> {
      let lastError: unknown = null;
      for (let attempt = 0; attempt <= retries; attempt++) {
        let wait = backoffMs * 2 ** attempt;
        let response: Response | null = null;
        try {
          response = await fetchImpl(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          lastError = error; // a network error or the timeout: worth another try
        }
        if (response !== null) {
          if (response.ok) return (await response.json()) as unknown;
          const detail = (await response.text()).slice(0, 300);
          lastError = new ProcurementError({ code: 'HTTP_FAILED', message: `POST ${url} answered ${response.status}: ${detail}`, where: url });
          if (!RETRYABLE(response.status)) throw lastError;
          const retryAfter = Number.parseFloat(response.headers.get('retry-after') ?? '');
          if (Number.isFinite(retryAfter)) wait = retryAfter * 1000;
        }
        if (attempt < retries) await sleep(wait);
      }
      throw lastError instanceof ProcurementError
        ? lastError
        : new ProcurementError({ code: 'HTTP_FAILED', message: `POST ${url} failed: ${String(lastError)}`, where: url, cause: lastError });
    },
  };
}
