import { BaseError } from './base-error.js';

export class CanonicalJsonError extends BaseError<'NOT_CANONICALIZABLE'> {}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Serialises a JSON value per RFC 8785 (JSON Canonicalization Scheme): object members sorted by
 * their names' UTF-16 code units (§3.2.3), numbers in ECMAScript's shortest round-trip form
 * (§3.2.2.3, which JSON.stringify already produces), strings with only the mandatory escapes
 * (§3.2.2.2), no whitespace. The same value always gives the same bytes — the property a Merkle
 * leaf needs. Values outside I-JSON (non-finite numbers, lone surrogates, undefined) are refused.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 1e21] }); // '{"a":[true,null,1e+21],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError({ code: 'NOT_CANONICALIZABLE', message: 'string holds a lone surrogate (not I-JSON, RFC 7493 §2.1)' });
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError({ code: 'NOT_CANONICALIZABLE', message: `number ${value} has no JSON form` });
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v)).join(',')}]`;
      const entries: [string, unknown][] = Object.entries(value).filter(([, v]) => v !== undefined);
      // Default sort compares UTF-16 code units, exactly what §3.2.3 asks for.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const members = entries.map(([k, v]) => `${canonicalJson(k)}:${canonicalJson(v)}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError({ code: 'NOT_CANONICALIZABLE', message: `a ${typeof value} has no JSON form` });
  }
}
