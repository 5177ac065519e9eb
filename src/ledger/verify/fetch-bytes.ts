import { BoundedFetchError } from '../../core/bounded-fetch-error.js';
import { fetchBounded } from '../../core/fetch-bounded.js';
import type { FetchLike } from '../fetch-like.js';
import { RemoteLogError } from './remote-log-error.js';

/** The timeouts a remote log's resources are fetched under (see `fetchBounded`). */
export interface FetchTimeouts {
  /** Until the response headers arrive; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** For one whole resource, body included; default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * GETs `url` and returns its body, refusing non-200 answers and bodies above `maxBytes` — checked
 * on Content-Length first, then *while reading*, so an endless body stops at the limit — and
 * giving up past the connect or overall timeout (a dripping body). Errors are `RemoteLogError`s
 * naming `where`, with a message naming the URL and the limit that stopped it.
 *
 * @example
 * const tile = await fetchBytes(`${prefix}/tile/0/000`, 8192, fetch, 'tile/0/000');
 */
export async function fetchBytes(url: string, maxBytes: number, fetchImpl: FetchLike, where: string, timeouts: FetchTimeouts = {}): Promise<Uint8Array> {
  let response: { status: number; body: Uint8Array };
  try {
    response = await fetchBounded(url, { maxBytes, ...timeouts }, {}, fetchImpl);
  } catch (error) {
    if (error instanceof BoundedFetchError) {
      throw new RemoteLogError({ code: error.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'FETCH_FAILED', message: error.message, cause: error, where });
    }
    throw error;
  }
  if (response.status !== 200) {
    throw new RemoteLogError({ code: 'HTTP_STATUS', message: `${url} answered ${response.status}`, where });
  }
  return response.body;
}
