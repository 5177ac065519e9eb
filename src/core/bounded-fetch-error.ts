import { BaseError } from './base-error.js';

/** Why an outbound HTTP request was given up. */
export type BoundedFetchErrorCode =
  /** The request could not be sent, or the connection failed. */
  | 'FETCH_FAILED'
  /** No response headers within the connect timeout (connect, TLS and the server's first answer). */
  | 'CONNECT_TIMEOUT'
  /** The whole exchange, body included, took longer than the overall timeout. */
  | 'TIMEOUT'
  /** The body is (or declares itself) larger than the limit. */
  | 'TOO_LARGE';

/**
 * An outbound HTTP request failed against one of its limits. `url` and `limit` are what the message
 * names: the resource, and the bound that stopped it (bytes or milliseconds).
 *
 * @example
 * throw new BoundedFetchError({ code: 'TOO_LARGE', message: 'https://x.test/log/key: more than 8192 bytes', url, limit: 8192 });
 */
export class BoundedFetchError extends BaseError<BoundedFetchErrorCode> {
  readonly url: string;
  readonly limit: number | undefined;

  constructor(init: { code: BoundedFetchErrorCode; message: string; url: string; limit?: number; cause?: unknown }) {
    super({ code: init.code, message: init.message, cause: init.cause, where: init.url });
    this.url = init.url;
    this.limit = init.limit;
  }
}
