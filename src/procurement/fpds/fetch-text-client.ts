import { ProcurementError } from '../procurement-error.js';
import type { TextHttpClient } from './follow-fpds-feed.js';

/**
 * A TextHttpClient over global fetch: a timeout per attempt, and retries with exponential backoff
 * on 429, 5xx and network errors (FPDS's public feed has slow moments).
 *
 * @example
 * const client = createFetchTextClient({ timeoutMs: 60_000 });
 * const xml = await client.getText('https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=PIID:70CTD024P00000012');
 */
export function createFetchTextClient(options: { timeoutMs?: number; retries?: number; backoffMs?: number; fetch?: typeof globalThis.fetch } = {}): TextHttpClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 1000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    async getText(url: string): Promise<string> {
      let lastError: unknown = null;
      for (let attempt = 0; attempt <= retries; attempt++) {
        let response: Response | null = null;
        try {
          response = await fetchImpl(url, { headers: { accept: 'application/atom+xml, application/xml, text/xml' }, signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
          lastError = error; // a network error or the timeout: worth another try
        }
        if (response !== null) {
          if (response.ok) return await response.text();
          lastError = new ProcurementError({ code: 'HTTP_FAILED', message: `GET ${url} answered ${response.status}`, where: url });
          if (response.status !== 429 && response.status < 500) throw lastError;
        }
        if (attempt < retries) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
      }
      throw lastError instanceof ProcurementError
        ? lastError
        : new ProcurementError({ code: 'HTTP_FAILED', message: `GET ${url} failed: ${String(lastError)}`, where: url, cause: lastError });
    },
  };
}
