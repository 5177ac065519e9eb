import { authorityLabel } from '../../registry/labels.js';
import { html, type SafeHtml } from './html.js';

/**
 * A designating authority by name ("US Treasury (OFAC)"), its full name on hover and for screen
 * readers (`<abbr>`); the code itself stays in `data-code` for machines and tests.
 *
 * @example
 * authorityName('US-OFAC'); // <abbr title="US Department of the Treasury, …" data-code="US-OFAC">US Treasury (OFAC)</abbr>
 */
export function authorityName(code: string): SafeHtml {
  const short = authorityLabel(code);
  const full = authorityLabel(code, 'full');
  return full === short ? html`<span data-code="${code}">${short}</span>` : html`<abbr title="${full}" data-code="${code}">${short}</abbr>`;
}
