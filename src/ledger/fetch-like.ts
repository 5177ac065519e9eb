/**
 * The slice of `fetch` the ledger's HTTP clients use (witness submission, remote verification).
 * Injected, so tests can route requests to a Hono app's `request` without a socket.
 *
 * @example
 * const fetchImpl: FetchLike = async (url, init) => app.request(url, init);
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
