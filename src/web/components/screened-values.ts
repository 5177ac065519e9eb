import { fieldLabel } from '../../registry/field-labels.js';
import type { ScreenedObservation } from '../../registry/schemas/screened-observation.js';
import type { Citations } from './citations.js';
import { dateText } from './date-text.js';
import { formatAmount } from './format-amount.js';
import { html, type SafeHtml } from './html.js';

function valueText(field: string, value: string | number, currency: string): SafeHtml | string {
  if (field === 'date' && typeof value === 'string') return dateText(value);
  if ((field === 'amount' || field === 'value') && typeof value === 'number') return formatAmount(value, currency);
  return String(value);
}

/** "sample.csv, row 4 (SHA-256 9f86d0…)": where a screened row came from, as a reader checks it. */
function origin(o: ScreenedObservation, citations: Citations): SafeHtml {
  return html`<span class="screened-origin"><code>${o.file}</code>${o.row !== undefined ? html`, row ${o.row}` : ''}${o.sha256 ? html` <span class="muted">(SHA-256 <code title="${o.sha256}">${o.sha256.slice(0, 12)}…</code>)</span>` : ''}${citations.cite([o.source])}</span>`;
}

/**
 * What screened procurement files say of a contract or transaction, beside its documented values:
 * each file by name, row and SHA-256 with its own source, the values it gives that differ. Nothing
 * here overwrote the record (issue #13); an editor decides which value stands.
 *
 * @example
 * screenedValues('transaction', t.screened, citations, 'USD');
 */
export function screenedValues(type: 'contract' | 'transaction', observations: readonly ScreenedObservation[] | undefined, citations: Citations, currency: string): SafeHtml {
  if (!observations || observations.length === 0) return html``;
  const items = observations.map((o) => {
    const values = Object.entries(o.values).filter((e): e is [string, string | number] => e[1] !== undefined);
    if (values.length === 0) return html`<li>Read from ${origin(o, citations)}.</li>`;
    const pairs = values.map(([field, value]) => html`<span class="screened-value"><span class="label">${fieldLabel(type, field)}</span> ${valueText(field, value, currency)}</span>`);
    return html`<li>${origin(o, citations)} says: ${pairs.map((p, i) => (i === 0 ? p : html` · ${p}`))} <span class="muted">— shown beside the recorded value, not written over it.</span></li>`;
  });
  return html`<div class="screened"><p class="screened-heading">From screened procurement data <span class="status status-reported" title="Reported: not checked by an editor">Reported</span></p><ul>${items}</ul></div>`;
}
