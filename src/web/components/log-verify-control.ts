import { html, type SafeHtml } from './html.js';

/** Which entry a verify control checks, and what the page already shows of it. */
export interface LogVerifyTarget {
  readonly index: bigint | number | string;
  /** The log's verifier key; without it the script reads /log/key. */
  readonly verifierKey?: string;
  /** The id of the element holding the entry's exact bytes, which must match the proved entry. */
  readonly entryBytesId?: string;
}

/**
 * The "Verify in your browser" control for one log entry: a button and a live region that
 * /static/verify-log-entry.js brings to life (it fetches the entry's inclusion proof and checks it
 * and the checkpoint's signature with WebCrypto). Without script the button stays hidden — it could
 * do nothing — and the page's own proof section and JSON link remain. `compact` is the one-word
 * form for table rows, named for its entry so screen readers can tell the rows' buttons apart.
 * Include `moduleScript('verify-log-entry.js')` once on the page.
 *
 * @example
 * html`${logVerifyControl({ index: 41n, verifierKey, entryBytesId: 'entry-bytes' })}${moduleScript('verify-log-entry.js')}`;
 */
export function logVerifyControl(target: LogVerifyTarget, { compact = false }: { compact?: boolean } = {}): SafeHtml {
  const index = String(target.index);
  const attributes = html`data-log-verify data-index="${index}" data-proof-url="/api/v1/log/entries/${index}/proof"${target.verifierKey ? html` data-verifier-key="${target.verifierKey}"` : ''}${target.entryBytesId ? html` data-entry-bytes="${target.entryBytesId}"` : ''}`;
  if (compact) {
    return html`<span class="log-verify compact" ${attributes} data-compact><button type="button" class="small secondary" aria-label="Verify entry ${index} in your browser" hidden>Verify</button> <span class="verify-result" data-verify-result role="status" aria-live="polite"></span></span>`;
  }
  return html`<div class="log-verify" ${attributes}>
<button type="button" hidden>Verify in your browser</button>
<p class="verify-result" data-verify-result role="status" aria-live="polite"></p>
</div>`;
}
