/**
 * Check digits of the identifiers that name an issuer or a security, so a typo in a holdings file
 * or a dataset is refused instead of silently matching nothing (or the wrong company).
 *
 * - CUSIP (ANSI X9.6): 8 characters and a modulus-10 "double add double" check digit.
 * - ISIN (ISO 6166): a country code, 9 characters and a Luhn check digit over the letters
 *   written as numbers (A = 10 … Z = 35).
 * - LEI (ISO 17442): 18 characters and two check digits, ISO 7064 MOD 97-10 (the whole code,
 *   letters as numbers, is 1 modulo 97).
 */

/** A–Z as 10–35, digits as themselves (CUSIP also allows `*`, `@`, `#` for private placements). */
function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  if (ch === '*') return 36;
  if (ch === '@') return 37;
  if (ch === '#') return 38;
  return Number.NaN;
}

/**
 * Whether a 9-character CUSIP's last digit is its check digit.
 *
 * @example
 * isValidCusip('037833100'); // true (Apple Inc. common stock)
 * isValidCusip('037833101'); // false
 */
export function isValidCusip(value: string): boolean {
  if (!/^[0-9A-Z*@#]{8}[0-9]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    let v = charValue(value[i] ?? '');
    // Every second character (the 2nd, 4th …) is doubled; the digits of each product are added.
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10 === Number(value[8]);
}

/**
 * Whether a 12-character ISIN's last digit is its Luhn check digit.
 *
 * @example
 * isValidIsin('US0378331005'); // true
 * isValidIsin('US0378331006'); // false
 */
export function isValidIsin(value: string): boolean {
  if (!/^[A-Z]{2}[0-9A-Z]{9}[0-9]$/.test(value)) return false;
  const digits = [...value.slice(0, 11)].map((ch) => String(charValue(ch))).join('');
  let sum = 0;
  // Luhn from the right of the body: the rightmost digit is doubled (the check digit comes after it).
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(value[11]);
}

/**
 * Whether a 20-character LEI passes ISO 7064 MOD 97-10.
 *
 * @example
 * isValidLei('5493001KJTIIGC8Y1R12'); // true (Bloomberg Finance L.P.)
 */
export function isValidLei(value: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(value)) return false;
  let remainder = 0;
  for (const ch of value) {
    const v = charValue(ch);
    // Letters are two digits long; fold them in one digit at a time to stay within safe integers.
    for (const digit of String(v)) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * The CUSIP inside a US or Canadian ISIN (ISO 6166 builds those from the CUSIP), or null.
 *
 * @example
 * cusipOfIsin('US0378331005'); // '037833100'
 */
export function cusipOfIsin(isin: string): string | null {
  return /^(US|CA)/.test(isin) && isValidIsin(isin) ? isin.slice(2, 11) : null;
}
