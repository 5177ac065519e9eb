import type { Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { changePassword } from '../../accounts/commands/change-password.js';
import { issuePasswordReset } from '../../accounts/commands/issue-password-reset.js';
import { resetPassword } from '../../accounts/commands/reset-password.js';
import { authorize } from '../../accounts/policies.js';
import { CommandError, type InputIssue } from '../../core/command-error.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { SESSION_COOKIE } from '../../server/middleware/authenticate.js';
import { absoluteUrl } from '../../server/server-settings.js';
import { KyselyAccountsStore } from '../../store/accounts/kysely-accounts-store.js';
import { KyselyPasswordResetStore } from '../../store/accounts/kysely-password-reset-store.js';
import { adminUsersPage } from '../pages/admin-users-page.js';
import { passwordChangePage, passwordResetPage, passwordSetPage } from '../pages/password-pages.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const MISMATCH: InputIssue = { path: 'confirm', message: 'does not match the new password' };

/** A page that holds a secret (a reset token in its address or body): no cache keeps it, no Referer carries it. */
function secretPage(response: Response): Response {
  response.headers.set('cache-control', 'private, no-store');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
}

function requireSignedIn(c: Context<AppEnv>): void {
  if (!c.get('auth').user) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'Sign in to change your password.' });
}

/**
 * Passwords: a signed-in user changes theirs (`/account/password`, proving the current one); a
 * user with an admin-issued link sets a new one (`/account/reset/{token}`); admins list accounts
 * and issue reset links (`/admin/users`). Both changes end every session of the account.
 *
 * @example
 * addPasswordRoutes(app, { store, now });
 */
export function addPasswordRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/account/password', (c) => {
    requireSignedIn(c);
    return pageResponse(c, passwordChangePage(pageFrame(c), []));
  });

  app.post('/account/password', async (c) => {
    requireSignedIn(c);
    const fields = await formFields(c);
    const change = { currentPassword: fields['currentPassword'] ?? '', newPassword: fields['newPassword'] ?? '' };
    if (change.newPassword !== (fields['confirm'] ?? '')) return pageResponse(c, passwordChangePage(pageFrame(c), [MISMATCH]), 400);
    try {
      await runCommand(store, now, c, (ctx, tx) => changePassword({ ctx, change }, tx));
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, passwordChangePage(pageFrame(c), error.issues), 400);
      throw error;
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return pageResponse(c, passwordSetPage({ ...pageFrame(c), auth: { ...c.get('auth'), user: null, via: 'none', csrfToken: null } }));
  });

  app.get('/account/reset/:token', (c) => secretPage(pageResponse(c, passwordResetPage(pageFrame(c), c.req.param('token'), []))));

  app.post('/account/reset/:token', async (c) => {
    const token = c.req.param('token');
    const fields = await formFields(c);
    const newPassword = fields['newPassword'] ?? '';
    if (newPassword !== (fields['confirm'] ?? '')) return secretPage(pageResponse(c, passwordResetPage(pageFrame(c), token, [MISMATCH]), 400));
    try {
      await runCommand(store, now, c, (ctx, tx) => resetPassword({ ctx, reset: { token, newPassword } }, { ...tx, resets: new KyselyPasswordResetStore(tx.db) }));
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return secretPage(pageResponse(c, passwordResetPage(pageFrame(c), token, error.issues), 400));
      throw error;
    }
    return secretPage(pageResponse(c, passwordSetPage(pageFrame(c))));
  });

  app.get('/admin/users', async (c) => {
    authorize(c.get('auth').actor, 'user.manage');
    return pageResponse(c, adminUsersPage(pageFrame(c), await new KyselyAccountsStore(store.db).listUsers()));
  });

  app.post('/admin/users/:username/reset-link', async (c) => {
    authorize(c.get('auth').actor, 'user.manage');
    const username = c.req.param('username');
    const issued = await runCommand(store, now, c, (ctx, tx) => issuePasswordReset({ ctx, username }, { ...tx, resets: new KyselyPasswordResetStore(tx.db) }));
    const link = absoluteUrl(c.get('settings'), `/account/reset/${issued.token}`);
    const users = await new KyselyAccountsStore(store.db).listUsers();
    return secretPage(pageResponse(c, adminUsersPage(pageFrame(c), users, { username, link, expiresAt: issued.expiresAt })));
  });
}
