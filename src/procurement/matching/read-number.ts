/**
 * Numbers as names write them: digits, English number and ordinal words ("Forty-Four", "Three",
 * "First", "1st"), and Roman numerals of fund and trust series ("Partners VII", "Trust II").
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};

// "fourty" is the commonest misspelling of "forty" in registers.
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70,
  eightieth: 80, ninetieth: 90,
};

// I to XXXIX: series numbers. Larger Roman numerals ("MIX", "DC", "CD") are far more often
// acronyms in company names than numbers.
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

function romanValue(token: string): number | undefined {
  if (token === '' || !ROMAN.test(token)) return undefined;
  let total = 0;
  for (let k = 0; k < token.length; k++) {
    const value = ROMAN_VALUES[token[k] ?? ''] ?? 0;
    const next = ROMAN_VALUES[token[k + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function wordValue(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number.parseInt(token, 10);
  return UNITS[token];
}

/**
 * Reads the number starting at `tokens[start]`: a digit run, a number or ordinal word, a tens word
 * followed by a unit ("forty four", "forty 4"), or a Roman numeral. A single-letter numeral (I, V,
 * X) only counts at the end of the name, where series numbers stand; elsewhere it is an initial.
 * Returns how many tokens it used and the value as a digit string, or `consumed: 0`.
 *
 * @example
 * readNumber(['brigade', 'forty', 'four'], 1); // { consumed: 2, value: '44' }
 * readNumber(['partners', 'vii'], 1);          // { consumed: 1, value: '7' }
 */
export function readNumber(tokens: readonly string[], start: number): { consumed: number; value: string } {
  const token = tokens[start] ?? '';
  const tens = TENS[token];
  if (tens !== undefined) {
    const unit = wordValue(tokens[start + 1] ?? '');
    if (unit !== undefined && unit >= 1 && unit <= 9) return { consumed: 2, value: String(tens + unit) };
    return { consumed: 1, value: String(tens) };
  }
  const plain = wordValue(token);
  if (plain !== undefined) return { consumed: 1, value: String(plain) };
  const isLast = start === tokens.length - 1;
  if (token.length >= 2 || isLast) {
    const roman = romanValue(token);
    if (roman !== undefined) return { consumed: 1, value: String(roman) };
  }
  return { consumed: 0, value: '' };
}
