import type { Hono } from 'hono';
import { CommandError } from '../../core/command-error.js';
import type { AppEnv } from '../../server/app-env.js';
import { endSession, startSession } from '../../server/api/routes/session-routes.js';
import { localPath } from '../components/safe-href.js';
import { loginPage } from '../pages/login-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

/**
 * Sign in and out with plain forms. A successful sign-in sets the HTTP-only session cookie and
 * redirects (303, so a reload does not post the password again) to the page the reader came
 * from — a local path only. A failed one shows the form again with the same vague message the
 * API gives, whichever of the two was wrong.
 *
 * @example
 * addAccountRoutes(app, { store, now });
 */
export function addAccountRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/login', (c) => pageResponse(c, loginPage(pageFrame(c), { next: localPath(c.req.query('next')) })));

  app.post('/login', async (c) => {
    const fields = await formFields(c);
    const next = localPath(fields['next']);
    const username = (fields['username'] ?? '').slice(0, 100);
    try {
      await startSession(c, store, now, username, (fields['password'] ?? '').slice(0, 1024));
    } catch (error) {
      if (error instanceof CommandError && error.code === 'UNAUTHENTICATED') {
        return pageResponse(c, loginPage(pageFrame(c), { next, username, error: 'Invalid username or password.' }), 401);
      }
      if (error instanceof CommandError && error.code === 'RATE_LIMITED') {
        return pageResponse(c, loginPage(pageFrame(c), { next, username, error: 'Too many failed sign-ins for this account or from this address. Try again later.' }), 429);
      }
      throw error;
    }
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, store);
    return c.redirect('/', 303);
  });
}
