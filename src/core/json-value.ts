/** A value that survives JSON: what log entries and change payloads are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
