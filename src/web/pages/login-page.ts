import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

/**
 * The staff sign-in form (analysts, editors, admins). Readers never need an account: every
 * public page works without one. `error` is shown above the form after a failed attempt.
 *
 * @example
 * c.html(loginPage(frame, { next: '/review' }).toString());
 */
export function loginPage(frame: PageFrame, { next, username = '', error }: { next: string; username?: string; error?: string }): SafeHtml {
  const main = html`<section class="narrow">
<h1>Sign in</h1>
<p>Staff accounts only: analysts, editors and administrators. Reading the registry and sending a tip need no account.</p>
${error ? html`<p class="error-message" role="alert">${error}</p>` : ''}
${frame.auth.user ? html`<p>You are signed in as <strong>${frame.auth.user.username}</strong>. Signing in again replaces that session.</p>` : ''}
<form method="post" action="/login" class="stacked">
${csrfField(frame.auth)}
<input type="hidden" name="next" value="${next}">
<p><label for="login-username">Username</label>
<input id="login-username" name="username" type="text" autocomplete="username" required maxlength="100" value="${username}"></p>
<p><label for="login-password">Password</label>
<input id="login-password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
<p><button type="submit">Sign in</button></p>
</form>
</section>`;
  return layout(frame, { title: 'Sign in', main });
}
