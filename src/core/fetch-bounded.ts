import { BoundedFetchError } from './bounded-fetch-error.js';

/** The slice of `fetch` used here; tests pass a Hono app's `request`. */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

/** The limits every outbound request of Countersign runs under. */
export interface FetchBounds {
  /** The largest body accepted, in bytes; reading stops as soon as more arrives. */
  readonly maxBytes: number;
  /** Until the response headers arrive (DNS, connect, TLS, the server's first answer); default 10 s. */
  readonly connectTimeoutMs?: number;
  /** For the whole exchange, body included, so a dripping body is cut too; default 30 s. */
  readonly timeoutMs?: number;
}

/** A response whose body was read whole, within the bounds. */
export interface BoundedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Fetches `url` and reads its body under hard limits: a connect timeout (until the headers), an
 * overall timeout (body included) and a size limit enforced *while reading* — a server that
 * declares or sends more than `maxBytes` is cut off at that point, so an endless or dripping body
 * costs at most `maxBytes` of memory and `timeoutMs` of time. The limits hold even when
 * `fetchImpl` ignores the abort signal (each read races the deadline). Any status is returned;
 * the caller judges it. Failures are `BoundedFetchError`s naming the URL and the limit.
 *
 * @example
 * const { status, body } = await fetchBounded('https://log.example/log/key', { maxBytes: 8192 });
 */
export async function fetchBounded(url: string, bounds: FetchBounds, init: RequestInit = {}, fetchImpl: FetchFunction = fetch): Promise<BoundedResponse> {
  const connectTimeoutMs = bounds.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const timeoutMs = bounds.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const method = init.method ?? 'GET';
  const controller = new AbortController();
  let reason: BoundedFetchError | undefined;
  const stop = (error: BoundedFetchError): void => {
    reason ??= error;
    controller.abort(error);
  };
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(reason ?? new Error('aborted')), { once: true });
  });
  aborted.catch(() => undefined);
  const overall = setTimeout(() => stop(new BoundedFetchError({ code: 'TIMEOUT', message: `${method} ${url}: no complete answer within the overall limit of ${timeoutMs} ms`, url, limit: timeoutMs })), timeoutMs);
  const connect = setTimeout(() => stop(new BoundedFetchError({ code: 'CONNECT_TIMEOUT', message: `${method} ${url}: no response within the connect limit of ${connectTimeoutMs} ms`, url, limit: connectTimeoutMs })), connectTimeoutMs);
  try {
    let response: Response;
    try {
      response = await Promise.race([fetchImpl(url, { ...init, signal: controller.signal }), aborted]);
    } catch (error) {
      throw reason ?? new BoundedFetchError({ code: 'FETCH_FAILED', message: `${method} ${url} failed: ${describe(error)}`, url, cause: error });
    }
    clearTimeout(connect);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > bounds.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw new BoundedFetchError({ code: 'TOO_LARGE', message: `${method} ${url}: declares ${declared} bytes, more than the limit of ${bounds.maxBytes}`, url, limit: bounds.maxBytes });
    }
    const body = await readAtMost(response, bounds.maxBytes, aborted, () => reason, `${method} ${url}`, url);
    return { status: response.status, headers: response.headers, body };
  } finally {
    clearTimeout(overall);
    clearTimeout(connect);
    // Releases the connection of a body left unread (a refusal above); harmless after a full read.
    controller.abort();
  }
}

async function readAtMost(response: Response, maxBytes: number, aborted: Promise<never>, reason: () => BoundedFetchError | undefined, what: string, url: string): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await Promise.race([reader.read(), aborted]);
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw reason() ?? new BoundedFetchError({ code: 'FETCH_FAILED', message: `${what}: reading the body failed: ${describe(error)}`, url, cause: error });
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new BoundedFetchError({ code: 'TOO_LARGE', message: `${what}: the body exceeds the limit of ${maxBytes} bytes; stopped reading`, url, limit: maxBytes });
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici hides the socket error (ECONNREFUSED, …) in `cause`.
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
