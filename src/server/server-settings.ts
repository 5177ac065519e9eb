import type { CommandSettings } from '../accounts/command-context.js';
import type { RateLimitRule } from '../core/rate-limiter.js';

/** The rate limits the app applies, each in a bucket of its own (see `DEFAULT_RATE_LIMITS`). */
export interface RateLimits {
  /** Sign-in attempts per client address (`POST /login`, `POST /api/v1/session`). */
  readonly loginPerAddress: RateLimitRule;
  /** Failed sign-ins per account, from any address: past it the account's sign-in waits out the window. */
  readonly loginFailuresPerAccount: RateLimitRule;
  /** Anonymous tips per client address. */
  readonly tips: RateLimitRule;
  /** Other writes per client address (proposals, reviews, tokens …). */
  readonly writes: RateLimitRule;
  /** Open-data exports started per client address. */
  readonly exports: RateLimitRule;
  /** Searches per client address (`/search`, `/api/v1/search`). */
  readonly search: RateLimitRule;
  /** Log pages per client address (`/log`, `/log/entries/…`, `/api/v1/log/entries`). */
  readonly logPages: RateLimitRule;
}

/**
 * Defaults: generous for a person or a well-behaved script, tight where guessing pays (OWASP
 * Authentication Cheat Sheet, "Login Throttling"; NIST SP 800-63B §5.2.2 allows at most 100
 * consecutive failed attempts per account — 10 per 15 minutes is well inside that).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerAddress: { bucket: 'login-address', limit: 20, windowMs: 60_000 },
  loginFailuresPerAccount: { bucket: 'login-account', limit: 10, windowMs: 15 * 60_000 },
  tips: { bucket: 'tips', limit: 20, windowMs: 60_000 },
  writes: { bucket: 'writes', limit: 120, windowMs: 60_000 },
  exports: { bucket: 'exports', limit: 30, windowMs: 60 * 60_000 },
  search: { bucket: 'search', limit: 120, windowMs: 60_000 },
  logPages: { bucket: 'log-pages', limit: 240, windowMs: 60_000 },
};

/** How many exports stream at once, overall and per client, before a request waits or is refused. */
export interface ExportLimits {
  /** Exports reading the database at once, over all clients; further ones wait their turn. */
  readonly workers: number;
  /** Exports one client may have running or waiting at once; past it, 429 with Retry-After. */
  readonly perClient: number;
  /** Exports that may wait for a worker; past it, 429 with Retry-After (the server is busy, not the client greedy). */
  readonly queue: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = { workers: 2, perClient: 2, queue: 16 };

/**
 * What the HTTP edge needs to know about where and how it is served.
 *
 * @example
 * const settings = serverSettings({ publicUrl: new URL('https://countersign.example.org') });
 */
export interface ServerSettings {
  /**
   * The address readers use (`COUNTERSIGN_PUBLIC_URL`): every absolute URL the app writes (feed
   * ids and links, `/log` instructions, reset links) and the origin writes must come from. Never
   * taken from the request's Host header, which the client chooses.
   */
  readonly publicUrl: URL;
  /**
   * Served behind a reverse proxy that terminates TLS (`COUNTERSIGN_BEHIND_PROXY`): trust its
   * `X-Forwarded-For` (the client address, for rate limits) and `X-Forwarded-Proto` (for HSTS
   * and Secure cookies). Off by default: a client could forge both.
   */
  readonly behindProxy: boolean;
  readonly rateLimits: RateLimits;
  readonly exports: ExportLimits;
  /** Rules every command of a request runs with (the two-person review). */
  readonly commands: CommandSettings;
}

/**
 * Settings with defaults for whatever is not given: `http://localhost` (what tests request), not
 * behind a proxy, the default limits.
 *
 * @example
 * serverSettings({ behindProxy: true }).publicUrl.href; // 'http://localhost/'
 */
export function serverSettings(overrides: Partial<ServerSettings> = {}): ServerSettings {
  return {
    publicUrl: overrides.publicUrl ?? new URL('http://localhost'),
    behindProxy: overrides.behindProxy ?? false,
    rateLimits: overrides.rateLimits ?? DEFAULT_RATE_LIMITS,
    exports: overrides.exports ?? DEFAULT_EXPORT_LIMITS,
    commands: overrides.commands ?? {},
  };
}

/**
 * An absolute URL on this site for a path, from the configured public URL (a public URL with a
 * path prefix, `https://example.org/countersign/`, keeps it).
 *
 * @example
 * absoluteUrl(settings, '/feeds/alerts.atom'); // 'https://countersign.example.org/feeds/alerts.atom'
 */
export function absoluteUrl(settings: ServerSettings, path: string): string {
  const base = settings.publicUrl.href.endsWith('/') ? settings.publicUrl.href : `${settings.publicUrl.href}/`;
  return new URL(path.replace(/^\//, ''), base).href;
}
