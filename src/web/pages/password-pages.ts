import type { InputIssue } from '../../core/command-error.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

const POLICY = 'At least 12 characters; not one of the most common passwords, nor one padded with digits, nor one containing your username. A few unrelated words make a good one.';

function problems(issues: readonly InputIssue[]): SafeHtml {
  if (issues.length === 0) return html``;
  const items = issues.map((i) => html`<li>${i.path === 'currentPassword' ? 'Current password' : i.path === 'confirm' ? 'Repeated password' : 'New password'}: ${i.message}</li>`);
  return html`<div class="error-message" role="alert"><p>The password was not changed:</p><ul>${items}</ul></div>`;
}

function newPasswordFields(): SafeHtml {
  return html`<p><label for="new-password">New password</label>
<input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minlength="12" maxlength="1024" aria-describedby="password-policy"></p>
<p id="password-policy" class="muted">${POLICY}</p>
<p><label for="confirm-password">New password again</label>
<input id="confirm-password" name="confirm" type="password" autocomplete="new-password" required minlength="12" maxlength="1024"></p>`;
}

/**
 * The signed-in user's form to change their password, proving the current one.
 *
 * @example
 * pageResponse(c, passwordChangePage(pageFrame(c), []));
 */
export function passwordChangePage(frame: PageFrame, issues: readonly InputIssue[]): SafeHtml {
  const main = html`<section class="narrow">
<h1>Change your password</h1>
${problems(issues)}
<form method="post" action="/account/password" class="stacked">
${csrfField(frame.auth)}
<p><label for="current-password">Current password</label>
<input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required maxlength="1024"></p>
${newPasswordFields()}
<p><button type="submit">Change password</button></p>
</form>
<p class="muted">Changing it signs you out everywhere, this browser included: sign in again with the new one.</p>
</section>`;
  return layout(frame, { title: 'Change your password', main });
}

/**
 * The form behind an admin-issued reset link. The token stays in the form's address only.
 *
 * @example
 * pageResponse(c, passwordResetPage(pageFrame(c), token, []));
 */
export function passwordResetPage(frame: PageFrame, token: string, issues: readonly InputIssue[]): SafeHtml {
  const main = html`<section class="narrow">
<h1>Set a new password</h1>
${problems(issues)}
<form method="post" action="/account/reset/${encodeURIComponent(token)}" class="stacked">
${newPasswordFields()}
<p><button type="submit">Set password</button></p>
</form>
<p class="muted">This link works once and expires a day after it was issued.</p>
</section>`;
  return layout(frame, { title: 'Set a new password', main });
}

/**
 * What follows a change or reset: the password is set, every session has ended.
 *
 * @example
 * pageResponse(c, passwordSetPage(pageFrame(c)));
 */
export function passwordSetPage(frame: PageFrame): SafeHtml {
  const main = html`<section class="narrow">
<h1>Password set</h1>
<p>Your password has been set and every session of your account has ended. <a href="/login">Sign in</a> with the new password.</p>
</section>`;
  return layout(frame, { title: 'Password set', main });
}
