import { createHash, randomBytes } from 'node:crypto';

/**
 * A new random secret (256 bits, base64url) with an optional prefix, e.g. `cs_` for API tokens
 * so they are recognisable in a leaked paste.
 *
 * @example
 * const token = newSecretToken('cs_'); // 'cs_q3V…'
 */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Only this hash of a session or API token is stored; the token itself lives with its holder. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
