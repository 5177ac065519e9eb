import type { ProblemDetails } from '../../server/problem-details.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';

const HELP: Readonly<Record<number, (frame: PageFrame) => SafeHtml>> = {
  400: () => html`<p>Something in the address or the form was not understood. Go back and check it, or start again from the <a href="/">home page</a>.</p>`,
  401: (frame) => html`<p>This page is for Countersign's staff. <a href="/login?next=${encodeURIComponent(frame.path)}">Sign in</a> to continue.</p>`,
  403: () => html`<p>Your account's role does not allow this. If you think it should, ask an administrator.</p>`,
  404: () => html`<p>There is nothing at this address. It may have been mistyped, or the record may not be in the registry yet — <a href="/search">search the registry</a>, or <a href="/tips/new">send a tip</a> if something is missing.</p>`,
  409: () => html`<p>Someone else may have acted first. Reload the page to see the current state.</p>`,
  429: () => html`<p>Too many attempts in a short time. Wait a minute and try again.</p>`,
};

/**
 * The HTML page for an error outside the API: a plain statement of what went wrong, the
 * field-level problems if any, and where to go next. Internal errors reveal nothing.
 *
 * @example
 * c.html(errorPage(frame, { type: '/problems/not-found', title: 'Not found', status: 404, detail: 'no organization', code: 'NOT_FOUND' }).toString(), 404);
 */
export function errorPage(frame: PageFrame, problem: ProblemDetails): SafeHtml {
  const help = HELP[problem.status];
  const main = html`<section class="narrow error-page">
<p class="status-code">Error ${problem.status}</p>
<h1>${problem.title}</h1>
<p class="error-detail">${problem.detail}</p>
${problem.errors && problem.errors.length > 0 ? html`<ul class="error-list">${problem.errors.map((e) => html`<li><code>${e.path}</code>: ${e.message}</li>`)}</ul>` : ''}
${help ? help(frame) : html`<p>Go back to the <a href="/">home page</a>.</p>`}
</section>`;
  return layout(frame, { title: problem.title, main });
}
