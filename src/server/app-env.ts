import type { Actor } from '../accounts/actor.js';
import type { UserRow } from '../accounts/accounts-store.js';
import type { ServerSettings } from './server-settings.js';

/** What the authentication middleware learns about a request. */
export interface AuthState {
  readonly actor: Actor;
  readonly user: UserRow | null;
  /** How the request authenticated: a session cookie needs CSRF protection, a bearer token does not. */
  readonly via: 'session' | 'token' | 'none';
  /** The session's CSRF token, for forms and the X-CSRF-Token header. */
  readonly csrfToken: string | null;
}

/** Hono's environment for Countersign routes. */
export interface AppEnv {
  Variables: {
    auth: AuthState;
    /** A per-request nonce for the Content-Security-Policy of portal pages. */
    cspNonce: string;
    /** Where and how the app is served (public URL, proxy, limits), set first on every request. */
    settings: ServerSettings;
  };
}
