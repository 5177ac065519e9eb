import { CanonicalJsonError } from './canonical-json-error.js';

/**
 * Serialises a JSON value in the JSON Canonicalization Scheme (RFC 8785), so that the same entry
 * always hashes to the same leaf:
 * - no whitespace; object members sorted by their names' UTF-16 code units (§3.2.3);
 * - numbers written as ECMAScript's Number.prototype.toString (§3.2.2.3), strings with the minimal
 *   ECMAScript escaping (§3.2.2.2) — which `JSON.stringify` implements for primitives;
 * - I-JSON only (§3.1): NaN, Infinity and lone surrogates are refused, not repaired.
 * Properties whose value is `undefined` are omitted (as `JSON.stringify` does); anything else that
 * is not null, boolean, number, string, array or plain object throws `CanonicalJsonError`. Large
 * integers belong in strings: bigint is refused rather than rounded.
 *
 * @example
 * canonicalJson({ b: [1, 2.50], a: 'é' });  // '{"a":"é","b":[1,2.5]}'
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, [], new Set());
  return parts.join('');
}

/**
 * The UTF-8 bytes of `canonicalJson(value)`: what a log entry hashes.
 *
 * @example
 * const leafHash = hashLeaf(canonicalJsonBytes(entry));
 */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

// In a /u regex a surrogate range only matches surrogates that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Where in the value a problem is, as `$.data.record[2]`. Built only when there is an error: the
 * path is kept as a stack of keys, since log entries are canonicalised on every append.
 */
function whereOf(path: readonly (string | number)[]): string {
  return `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
}

function write(value: unknown, parts: string[], path: (string | number)[], ancestors: Set<object>): void {
  switch (typeof value) {
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new CanonicalJsonError({ code: 'NON_FINITE_NUMBER', message: `${value} is not a JSON number`, where: whereOf(path) });
      }
      // ECMAScript number serialisation, with -0 written as 0 (RFC 8785 §3.2.2.3).
      parts.push(JSON.stringify(value));
      return;
    case 'string':
      parts.push(quote(value, path));
      return;
    case 'object':
      if (value === null) {
        parts.push('null');
        return;
      }
      if (ancestors.has(value)) throw new CanonicalJsonError({ code: 'CYCLE', message: 'the value contains itself', where: whereOf(path) });
      ancestors.add(value);
      if (Array.isArray(value)) writeArray(value, parts, path, ancestors);
      else writeObject(value, parts, path, ancestors);
      ancestors.delete(value);
      return;
    default:
      throw new CanonicalJsonError({ code: 'UNSUPPORTED_VALUE', message: `a ${typeof value} has no JSON form`, where: whereOf(path) });
  }
}

function writeArray(items: readonly unknown[], parts: string[], path: (string | number)[], ancestors: Set<object>): void {
  parts.push('[');
  items.forEach((item, i) => {
    if (i > 0) parts.push(',');
    path.push(i);
    write(item, parts, path, ancestors);
    path.pop();
  });
  parts.push(']');
}

function writeObject(value: object, parts: string[], path: (string | number)[], ancestors: Set<object>): void {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError({ code: 'UNSUPPORTED_VALUE', message: 'only plain objects have a canonical JSON form', where: whereOf(path) });
  }
  // `<` on strings compares UTF-16 code units, which is exactly the order §3.2.3 asks for.
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parts.push('{');
  members.forEach(([name, member], i) => {
    if (i > 0) parts.push(',');
    parts.push(quote(name, path), ':');
    path.push(name);
    write(member, parts, path, ancestors);
    path.pop();
  });
  parts.push('}');
}

function quote(text: string, path: readonly (string | number)[]): string {
  if (LONE_SURROGATE.test(text)) {
    throw new CanonicalJsonError({ code: 'LONE_SURROGATE', message: 'string holds an unpaired surrogate', where: whereOf(path) });
  }
  return JSON.stringify(text);
}
