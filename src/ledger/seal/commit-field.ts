import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../entries/canonical-json.js';
import type { JsonValue } from '../../core/json-value.js';

/** Domain separation for seal commitments, so a commitment can never be mistaken for another hash. */
const SEAL_DOMAIN = 'countersign/seal/v1';
/** At least 16 random bytes per the design; 32 gives the commitment SHA-256's full hiding strength. */
export const OPENING_BYTES = 32;

/**
 * A salted commitment to one sealed field: SHA-256(domain ‖ 0x00 ‖ field ‖ 0x00 ‖ opening ‖
 * canonical JSON of the value), hex. Without the opening the value cannot be guessed even if it
 * is drawn from a small set (a docket number, a name); with value and opening anyone can
 * recompute it from the log.
 *
 * @example
 * const { commitment, opening } = commitField('target', 'subject-17');
 * verifyOpening('target', 'subject-17', opening, commitment); // true
 */
export function commitField(field: string, value: JsonValue, opening: Buffer = randomBytes(OPENING_BYTES)): { commitment: string; opening: string } {
  if (opening.length < 16) throw new RangeError('a seal opening needs at least 16 random bytes');
  return { commitment: commitmentOf(field, value, opening), opening: opening.toString('hex') };
}

function commitmentOf(field: string, value: JsonValue, opening: Buffer): string {
  return createHash('sha256')
    .update(SEAL_DOMAIN)
    .update(Buffer.from([0]))
    .update(field, 'utf8')
    .update(Buffer.from([0]))
    .update(opening)
    .update(canonicalJson(value), 'utf8')
    .digest('hex');
}

/** Whether a published value and opening match a commitment taken from the log. */
export function verifyOpening(field: string, value: JsonValue, openingHex: string, commitment: string): boolean {
  if (!/^[0-9a-f]{32,}$/.test(openingHex) || openingHex.length % 2 !== 0 || !/^[0-9a-f]{64}$/.test(commitment)) return false;
  const expected = Buffer.from(commitmentOf(field, value, Buffer.from(openingHex, 'hex')), 'hex');
  return timingSafeEqual(expected, Buffer.from(commitment, 'hex'));
}
