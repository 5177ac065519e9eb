import type { FetchLike } from '../fetch-like.js';
import { RemoteLogError } from './remote-log-error.js';

/**
 * GETs `url` and returns its body, refusing non-200 answers and bodies above `maxBytes` (checked
 * on Content-Length first, then on what arrives). Errors are `RemoteLogError`s naming `where`.
 *
 * @example
 * const tile = await fetchBytes(`${prefix}/tile/0/000`, 8192, fetch, 'tile/0/000');
 */
export async function fetchBytes(url: string, maxBytes: number, fetchImpl: FetchLike, where: string, timeoutMs = 30_000): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new RemoteLogError({ code: 'FETCH_FAILED', message: `cannot fetch ${url}`, cause: error, where });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new RemoteLogError({ code: 'HTTP_STATUS', message: `${url} answered ${response.status}`, where });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new RemoteLogError({ code: 'TOO_LARGE', message: `${url} declares ${declared} bytes, at most ${maxBytes} expected`, where });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new RemoteLogError({ code: 'FETCH_FAILED', message: `reading ${url} failed`, cause: error, where });
  }
  if (bytes.length > maxBytes) {
    throw new RemoteLogError({ code: 'TOO_LARGE', message: `${url} sent ${bytes.length} bytes, at most ${maxBytes} expected`, where });
  }
  return bytes;
}
