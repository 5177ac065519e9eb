import { createHmac, randomBytes } from 'node:crypto';

/** A fresh agency key: 32 random bytes, hex. It lives only in the seal store, never in a log or a row. */
export function newAgencyKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The pseudonym of a surveillance target under an agency's key: HMAC-SHA-256 of the normalised
 * identifier (trimmed, lower case, inner whitespace collapsed), hex. The same target under the
 * same agency always gets the same pseudonym — so audits and statistics can count authorisations
 * per target — but without the key nobody can test a guess (RFC 2104 keyed hash, not a bare hash
 * that a phone number's small space would give away).
 *
 * @example
 * targetPseudonym(key, '+1 555 0100'); // '3f9c…' (64 hex digits)
 */
export function targetPseudonym(agencyKeyHex: string, target: string): string {
  if (!/^[0-9a-f]{64}$/.test(agencyKeyHex)) throw new Error('an agency key is 32 bytes of hex');
  const normalised = target.trim().toLowerCase().replace(/\s+/g, ' ');
  return createHmac('sha256', Buffer.from(agencyKeyHex, 'hex')).update(normalised, 'utf8').digest('hex');
}
