/** A value that survives JSON: what log entries and change payloads are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function isJsonObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plain object as JSON (what a log entry's data is made of): `undefined` fields dropped, dates
 * as strings. Throws if the value is not an object once serialised.
 *
 * @example
 * const data = toJsonObject({ piid: alert.piid, amount: alert.amount });
 */
export function toJsonObject(value: object): { [key: string]: JsonValue } {
  const parsed: unknown = JSON.parse(JSON.stringify(value));
  if (!isJsonObject(parsed)) throw new TypeError('expected a JSON object');
  return parsed;
}
