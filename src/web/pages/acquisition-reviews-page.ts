import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, useOpensOn, type AcquisitionReview, type ReviewStatus } from '../../oversight/reviews/acquisition-review.js';
import { formatDate } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { pagination } from '../components/pagination.js';

export interface ReviewListView {
  readonly items: readonly AcquisitionReview[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly filters: { readonly agency?: string | undefined; readonly status?: ReviewStatus | undefined };
  readonly titles: ReadonlyMap<string, string>;
  /** The agencies this reader may open a review for (officer grants; every agency for admins: null). */
  readonly openFor: readonly string[] | null | 'none';
  /** Products and vendors to suggest in the open form (id and name), for readers who may open one. */
  readonly choices?: { readonly products: readonly { id: string; name: string }[]; readonly vendors: readonly { id: string; name: string }[] };
}

function openForm(frame: PageFrame, view: ReviewListView): SafeHtml {
  if (view.openFor === 'none') return html``;
  const agencies = view.openFor;
  return html`<details class="step-form"><summary>Open an acquisition review</summary>
<form method="post" action="/acquisition-reviews">
${csrfField(frame.auth)}
<p><label for="o-agency">Agency <span class="muted">(registry id)</span></label>
${agencies === null
    ? html`<input id="o-agency" name="agency" required pattern="[a-z0-9-]+">`
    : html`<select id="o-agency" name="agency">${agencies.map((a) => html`<option value="${a}">${view.titles.get(`organization:${a}`) ?? a}</option>`)}</select>`}</p>
<p><label for="o-product">Product <span class="muted">(registry id, e.g. graphite; type to see names)</span></label><input id="o-product" name="product" required pattern="[a-z0-9-]+" list="o-products"></p>
<datalist id="o-products">${(view.choices?.products ?? []).map((p) => html`<option value="${p.id}">${p.name}</option>`)}</datalist>
<p><label for="o-vendor">Vendor <span class="muted">(registry id of the organisation that sells it; type to see names)</span></label><input id="o-vendor" name="vendor" required pattern="[a-z0-9-]+" list="o-vendors"></p>
<datalist id="o-vendors">${(view.choices?.vendors ?? []).map((v) => html`<option value="${v.id}">${v.name}</option>`)}</datalist>
<p><label for="o-contract">Contract PIID <span class="muted">(optional)</span></label><input id="o-contract" name="contract"></p>
<p><label for="o-purpose">Purpose</label><textarea id="o-purpose" name="purpose" rows="3" maxlength="5000" required></textarea></p>
<p><label for="o-uses">Uses it would authorise <span class="muted">(one per line, optional)</span></label><textarea id="o-uses" name="uses" rows="3" maxlength="20000"></textarea></p>
<p><label for="o-start">Requested start</label><input id="o-start" type="date" name="requestedStart" required></p>
<p class="muted">The risk factors arrive pre-filled from the registry: the incidents of the product and of every organisation related to the vendor, their designations and known customers.</p>
<p class="buttons"><button type="submit">Open the review</button></p>
</form></details>`;
}

/**
 * Every acquisition review under EO 14093: agency, product, vendor, status, when operational use
 * may start — filtered by agency and status, with the Atom feed, and for officers the form that
 * opens a review.
 */
export function acquisitionReviewsPage(frame: PageFrame, view: ReviewListView): SafeHtml {
  const t = (ref: string) => view.titles.get(ref) ?? ref.slice(ref.indexOf(':') + 1);
  const rows = view.items.map((r) => {
    const opens = useOpensOn(r);
    return html`<tr><td><a href="/acquisition-reviews/${r.id}">${t(`product:${r.product}`)}</a></td><td>${t(`organization:${r.agency}`)}</td><td>${t(`organization:${r.vendor}`)}</td>
<td>${REVIEW_STATUS_LABELS[r.status]}</td><td>${formatDate(r.openedOn)}</td><td>${opens ? formatDate(opens) : html`<span class="muted">—</span>`}</td></tr>`;
  });
  const feed = `/feeds/acquisition-reviews.atom${view.filters.agency ? `?agency=${view.filters.agency}` : ''}`;
  const query = (offset: number) => {
    const p = new URLSearchParams();
    if (view.filters.agency) p.set('agency', view.filters.agency);
    if (view.filters.status) p.set('status', view.filters.status);
    if (offset) p.set('offset', String(offset));
    const s = p.toString();
    return `/acquisition-reviews${s ? `?${s}` : ''}`;
  };
  const main = html`<h1>Acquisition reviews</h1>
<p class="lede">Under Executive Order 14093 an agency reviews a commercial spyware product and its vendor before operational use: risk factors, the DNI's assessment, due diligence, a certifying official's determination, and notice to the White House. Each step here is on the transparency log.</p>
<form method="get" action="/acquisition-reviews" class="filters">
<p><label for="q-agency">Agency <span class="muted">(registry id)</span></label><input id="q-agency" name="agency" value="${view.filters.agency ?? ''}" pattern="[a-z0-9-]*"></p>
<p><label for="q-status">Status</label><select id="q-status" name="status"><option value="">Any</option>${REVIEW_STATUSES.map((s) => html`<option value="${s}"${view.filters.status === s ? html` selected` : ''}>${REVIEW_STATUS_LABELS[s]}</option>`)}</select></p>
<p><button type="submit">Filter</button></p>
</form>
<p class="result-count">${view.total} ${view.total === 1 ? 'review' : 'reviews'} · <a href="${feed}" type="application/atom+xml">Atom feed</a>${view.filters.agency ? html` · <a href="/api/v1/oversight/calendar.ics?agency=${view.filters.agency}" type="text/calendar">Calendar (iCalendar)</a>` : ''} · <a href="/oversight/report">Annual report</a></p>
${view.items.length === 0 ? html`<p class="muted">No reviews match.</p>` : html`<div class="table-scroll"><table><thead><tr><th scope="col">Product</th><th scope="col">Agency</th><th scope="col">Vendor</th><th scope="col">Status</th><th scope="col">Opened</th><th scope="col">Use may start</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${pagination(view, query)}
${openForm(frame, view)}`;
  return layout(frame, { title: 'Acquisition reviews', main, alternates: [{ type: 'application/atom+xml', href: feed, title: 'Acquisition reviews (Atom)' }] });
}
