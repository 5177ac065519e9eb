import type { UserRow } from '../../accounts/accounts-store.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

/** A reset link just issued, shown once to the admin who asked for it. */
export interface IssuedResetLink {
  readonly username: string;
  readonly link: string;
  readonly expiresAt: string;
}

/**
 * Admins: the accounts, each with a button that issues a single-use password-reset link, and the
 * link just issued (it is not stored and cannot be shown again).
 *
 * @example
 * pageResponse(c, adminUsersPage(pageFrame(c), users, issued));
 */
export function adminUsersPage(frame: PageFrame, users: readonly UserRow[], issued?: IssuedResetLink): SafeHtml {
  const rows = users.map((u) => html`<tr>
<td>${u.username}</td><td>${u.role}</td><td>${u.disabledAt ? 'disabled' : 'active'}</td>
<td>${u.disabledAt ? '' : html`<form method="post" action="/admin/users/${encodeURIComponent(u.username)}/reset-link">${csrfField(frame.auth)}<button type="submit">Issue a reset link</button></form>`}</td>
</tr>`);
  const main = html`<section>
<h1>Accounts</h1>
${issued ? html`<div class="notice" role="status"><p>A password-reset link for <strong>${issued.username}</strong>, valid once until ${issued.expiresAt}. Hand it over by a channel you trust; it is not shown again:</p>
<p><code class="reset-link">${issued.link}</code></p></div>` : ''}
<table>
<thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Password</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="muted">Accounts are added and their roles changed with <code>countersign user</code> on the server.</p>
</section>`;
  return layout(frame, { title: 'Accounts', main });
}
