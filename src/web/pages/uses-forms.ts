import { DATA_CATEGORIES } from '../../oversight/authorizations/data-categories.js';
import { LEGAL_AUTHORITIES, LEGAL_AUTHORITY_LABELS } from '../../oversight/authorizations/authorization.js';
import type { OffenceCategory } from '../../oversight/authorizations/offence-categories.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, type PageFrame } from '../components/layout.js';

/** Data categories as checkboxes named `dc-ID` (a form has one value per name). */
export function dataCategoryBoxes(prefix: string, checked: readonly string[] = []): SafeHtml {
  return html`<fieldset><legend>Data categories</legend>${DATA_CATEGORIES.map((c) => html`<label class="checkbox"><input type="checkbox" name="dc-${c.id}" id="${prefix}-dc-${c.id}"${checked.includes(c.id) ? html` checked` : ''}> ${c.label}</label>`)}</fieldset>`;
}

/** The form that records an authorisation (officers). */
export function authorizationForm(frame: PageFrame, categories: readonly OffenceCategory[], review = ''): SafeHtml {
  return html`<details class="step-form"><summary>Authorise a use</summary>
<form method="post" action="/authorizations">
${csrfField(frame.auth)}
<p><label for="a-review">Acquisition review <span class="muted">(its id; it must be an active approval, and the notice clock open)</span></label><input id="a-review" name="review" required value="${review}"></p>
<p><label for="a-offence">Serious-crime category</label><select id="a-offence" name="offenceCategory" required><option value="">Choose…</option>${categories.map((c) => html`<option value="${c.id}">${c.label} — ${c.statute}</option>`)}</select></p>
<p><label for="a-authority">Legal authority</label><select id="a-authority" name="legalAuthority">${LEGAL_AUTHORITIES.map((a) => html`<option value="${a}">${LEGAL_AUTHORITY_LABELS[a]}</option>`)}</select></p>
<p><label for="a-court">Issuing court</label><input id="a-court" name="issuingCourt" required maxlength="300"></p>
<p><label for="a-jurisdiction">Jurisdiction <span class="muted">(federal, or the state)</span></label><input id="a-jurisdiction" name="jurisdiction" value="federal" maxlength="100"></p>
<p><label for="a-docket">Docket number <span class="muted">(sealed: only its commitment is published)</span></label><input id="a-docket" name="docketNumber" required maxlength="200" autocomplete="off"></p>
<p><label for="a-target">Target identifier <span class="muted">(sealed; the public sees a keyed pseudonym)</span></label><input id="a-target" name="target" required maxlength="500" autocomplete="off"></p>
${dataCategoryBoxes('a')}
<p><label for="a-from">Valid from</label><input id="a-from" type="date" name="validFrom" required></p>
<p><label for="a-to">Valid to</label><input id="a-to" type="date" name="validTo" required></p>
<p><label for="a-retention">Retention (days after the window ends)</label><input id="a-retention" type="number" name="retentionDays" min="0" max="3650" required></p>
<p><label for="a-notice">Delayed-notice date <span class="muted">(when the target must be told)</span></label><input id="a-notice" type="date" name="noticeDate" required></p>
<p class="buttons"><button type="submit">Record the authorisation</button></p>
</form></details>`;
}

/** The form that records a use (officers): the authorisation cited by id or log receipt. */
export function useForm(frame: PageFrame, authorization = ''): SafeHtml {
  return html`<details class="step-form"><summary>Record a use</summary>
<form method="post" action="/uses">
${csrfField(frame.auth)}
<p><label for="u-auth">Authorisation <span class="muted">(its id, or its log receipt as log:INDEX)</span></label><input id="u-auth" name="authorization" required value="${authorization}"></p>
<p><label for="u-agency">Agency <span class="muted">(only when the authorisation is not on record)</span></label><input id="u-agency" name="agency" pattern="[a-z0-9-]*"></p>
${dataCategoryBoxes('u')}
<p><label for="u-at">When it happened <span class="muted">(date or date and time, UTC; empty: now)</span></label><input id="u-at" name="occurredAt" placeholder="2026-03-05T09:30:00Z"></p>
<p class="muted">A use outside the window, beyond the scope, under a suspended approval or before the notice clock opened is recorded all the same — and published as a finding.</p>
<p class="buttons"><button type="submit">Record the use</button></p>
</form></details>`;
}

/** One step of an authorisation as a small form posting to `/authorizations/ID/steps/ACTION`. */
export function stepForm(frame: PageFrame, id: string, action: string, summary: string, fields: SafeHtml, button: string): SafeHtml {
  return html`<details class="step-form"><summary>${summary}</summary>
<form method="post" action="/authorizations/${id}/steps/${action}">
${csrfField(frame.auth)}
${fields}
<p class="buttons"><button type="submit">${button}</button></p>
</form></details>`;
}
