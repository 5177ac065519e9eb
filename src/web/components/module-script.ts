import { html, type SafeHtml } from './html.js';
import { staticUrl } from './static-asset.js';

/**
 * A `<script type="module">` for a file under /static/, versioned like the stylesheet. Modules
 * run after the page is parsed and once per URL however often they are included, so a component
 * may bring its own; the Content-Security-Policy allows them because they come from this origin
 * (the portal writes no inline script).
 *
 * @example
 * html`${logVerifyControl({ index: 41n })}${moduleScript('verify-log-entry.js')}`;
 */
export function moduleScript(name: string): SafeHtml {
  return html`<script type="module" src="${staticUrl(name)}"></script>`;
}
