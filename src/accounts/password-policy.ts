import { dictionary } from '@zxcvbn-ts/language-common';

/** At least this many characters (NIST SP 800-63B §5.1.1.2 asks for 8; long passphrases are easy to type and hard to guess). */
export const MIN_PASSWORD_LENGTH = 12;

let common: ReadonlySet<string> | undefined;

/**
 * The ~49,000 most common passwords from breach corpora, as zxcvbn-ts ships them
 * (`@zxcvbn-ts/language-common`, MIT): an offline list, so no password ever leaves the machine.
 * Loaded on first use.
 */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Digits, punctuation and spaces people pad a common word with to reach a length rule. */
const PADDING = /^[\d\s\p{P}\p{S}]+|[\d\s\p{P}\p{S}]+$/gu;

/**
 * Why a password is refused, or null if it is acceptable. NIST SP 800-63B §5.1.1.2 asks verifiers
 * to compare new passwords against "passwords obtained from previous breach corpora" and
 * "dictionary words", and to refuse context-specific ones such as the username — length alone
 * lets `password1234` through. Refused: shorter than 12 characters; a common password (any
 * case); a common password padded with digits or symbols (`dragon!!!!2024`) or repeated
 * (`qwertyqwerty`); one containing the username; one of fewer than 5 distinct characters.
 *
 * @example
 * passwordProblem('password1234');                  // 'is one of the most common passwords'
 * passwordProblem('correct horse battery staple');  // null
 */
export function passwordProblem(password: string, { username }: { username?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const folded = password.normalize('NFKC').toLowerCase();
  const list = commonPasswords();
  if (list.has(folded)) return 'is one of the most common passwords';
  const core = folded.replace(PADDING, '');
  if (core !== folded && (core.length < 4 || list.has(core))) return 'is a common password with digits or symbols added';
  const repeated = /^(.+?)\1+$/u.exec(folded.replace(/\s/g, ''));
  if (repeated?.[1] !== undefined && (repeated[1].length < 4 || list.has(repeated[1]))) return 'is a common password repeated';
  if (username !== undefined && username.length >= 3 && folded.includes(username.toLowerCase())) return 'must not contain the username';
  if (new Set(folded).size < 5) return 'uses too few different characters';
  return null;
}
