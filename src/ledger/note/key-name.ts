// Unicode White_Space as Go's unicode.IsSpace sees it (JS \s lacks NEL U+0085; it adds U+FEFF, which
// is no loss in a key name).
const SPACE = /[\s\u0085]/u;

/**
 * Whether `name` may be a signed-note key name: non-empty, no Unicode spaces, no `+`
 * (c2sp.org/signed-note "Format"), and no control characters, which a note may not contain.
 *
 * @example
 * isValidKeyName('countersign.example/log');  // true
 * isValidKeyName('a b');                      // false
 */
export function isValidKeyName(name: string): boolean {
  if (name.length === 0 || name.includes('+') || SPACE.test(name)) return false;
  return !/[\u0000-\u001f\uD800-\uDFFF]/u.test(name);
}
