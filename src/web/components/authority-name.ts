import { html, type SafeHtml } from './html.js';

/** Authorities the bundled data uses, spelled out for readers who do not know the codes. */
const AUTHORITIES: Readonly<Record<string, string>> = {
  'US-BIS': 'US Department of Commerce, Bureau of Industry and Security',
  'US-OFAC': 'US Department of the Treasury, Office of Foreign Assets Control',
  'US-STATE': 'US Department of State',
  EU: 'European Union',
  'GB-OFSI': 'UK Office of Financial Sanctions Implementation',
};

/**
 * An authority code with its full name on hover and for screen readers (`<abbr>`).
 *
 * @example
 * authorityName('US-OFAC'); // <abbr title="US Department of the Treasury, …">US-OFAC</abbr>
 */
export function authorityName(code: string): SafeHtml {
  const full = AUTHORITIES[code];
  return full ? html`<abbr title="${full}">${code}</abbr>` : html`${code}`;
}
