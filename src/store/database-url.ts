import { resolve } from 'node:path';
import { BaseError } from '../core/base-error.js';
import type { DialectName } from './dialect-name.js';

export class ConfigError extends BaseError<'BAD_DATABASE_URL'> {}

/** Where the database lives, parsed from `DATABASE_URL`. */
export type DatabaseLocation =
  | { dialect: Extract<DialectName, 'sqlite'>; file: string }
  | { dialect: Extract<DialectName, 'postgres'>; connectionString: string; schema: string | undefined };

/** The embedded default: a SQLite file under ./data, created on first start. */
export const DEFAULT_DATABASE_URL = 'sqlite:data/countersign.db';

/**
 * Parses `sqlite:relative/path.db`, `sqlite:///absolute/path.db`, `sqlite::memory:`, or
 * `postgres://user@host:5432/db?schema=name` (`schema` selects a PostgreSQL schema, created if
 * missing — the test suite gives each run its own).
 *
 * @example
 * parseDatabaseUrl('sqlite:data/countersign.db'); // { dialect: 'sqlite', file: '/cwd/data/countersign.db' }
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    if (rest === ':memory:') return { dialect: 'sqlite', file: ':memory:' };
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw new ConfigError({ code: 'BAD_DATABASE_URL', message: 'DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/countersign.db' });
    return { dialect: 'sqlite', file: resolve(path) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw new ConfigError({ code: 'BAD_DATABASE_URL', message: 'DATABASE_URL is not a valid postgres:// URL', cause });
    }
    const schema = parsed.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new ConfigError({ code: 'BAD_DATABASE_URL', message: 'DATABASE_URL schema= must be a lower-case SQL identifier' });
    }
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', connectionString: parsed.toString(), schema };
  }
  throw new ConfigError({ code: 'BAD_DATABASE_URL', message: `DATABASE_URL must start with sqlite: or postgres:// (got "${redactDatabaseUrl(url)}")` });
}

/** The URL with any password replaced, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
