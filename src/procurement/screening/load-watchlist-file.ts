import { readFile } from 'node:fs/promises';
import type { Watchlist, WatchlistEntry } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';

const NAME_KINDS: ReadonlySet<string> = new Set(['primary', 'alias', 'former']);

/** A place in the file and what is wrong there: `entries.3.names.0.kind: expected one of primary, alias, former`. */
class Wrong extends Error {}

type Checked = Record<string, unknown>;

function object(value: unknown, path: string): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Wrong(`${path}: expected an object`);
  return value as Checked;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Wrong(`${path}: expected an array`);
  return value;
}

function text(value: unknown, path: string, { nonEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new Wrong(`${path}: expected a string`);
  if (nonEmpty && value.length === 0) throw new Wrong(`${path}: must not be empty`);
  return value;
}

function entryAt(value: unknown, path: string): WatchlistEntry {
  const raw = object(value, path);
  const identifiers = object(raw['identifiers'], `${path}.identifiers`);
  return {
    organizationId: text(raw['organizationId'], `${path}.organizationId`, { nonEmpty: true }),
    organizationName: text(raw['organizationName'], `${path}.organizationName`, { nonEmpty: true }),
    names: array(raw['names'], `${path}.names`).map((name, i) => {
      const at = `${path}.names.${i}`;
      const { value: written, kind } = object(name, at);
      if (typeof kind !== 'string' || !NAME_KINDS.has(kind)) throw new Wrong(`${at}.kind: expected one of ${[...NAME_KINDS].join(', ')}`);
      return { value: text(written, `${at}.value`), kind: kind as WatchlistEntry['names'][number]['kind'] };
    }),
    identifiers: {
      uei: array(identifiers['uei'], `${path}.identifiers.uei`).map((v, i) => text(v, `${path}.identifiers.uei.${i}`)),
      duns: array(identifiers['duns'], `${path}.identifiers.duns`).map((v, i) => text(v, `${path}.identifiers.duns.${i}`)),
      cage: array(identifiers['cage'], `${path}.identifiers.cage`).map((v, i) => text(v, `${path}.identifiers.cage.${i}`)),
    },
    related: array(raw['related'], `${path}.related`).map((related, i) => {
      const at = `${path}.related.${i}`;
      const r = object(related, at);
      return { organizationId: text(r['organizationId'], `${at}.organizationId`), organizationName: text(r['organizationName'], `${at}.organizationName`), relation: text(r['relation'], `${at}.relation`) };
    }),
  };
}

/**
 * A watchlist as JSON data, checked field by field (fields it does not know are left out). Checked
 * by hand rather than with the schema library: `countersign screen` reads the watchlist while its
 * scan threads start, and loading the library first held them up by a tenth of a second.
 */
export function parseWatchlist(json: unknown): Watchlist {
  const raw = object(json, '(watchlist)');
  return { version: text(raw['version'], 'version'), entries: array(raw['entries'], 'entries').map((entry, i) => entryAt(entry, `entries.${i}`)) };
}

/**
 * Reads a serialised watchlist (what the registry compiles) from a JSON file, validated: a bad
 * file is refused with the place and what is wrong there.
 *
 * @example
 * const watchlist = await loadWatchlistFile('test/fixtures/watchlist.json');
 */
export async function loadWatchlistFile(file: string): Promise<Watchlist> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ProcurementError({ code: 'BAD_WATCHLIST', message: `cannot read the watchlist: ${String(error)}`, where: file, cause: error });
  }
  try {
    return parseWatchlist(json);
  } catch (error) {
    if (error instanceof Wrong) throw new ProcurementError({ code: 'BAD_WATCHLIST', message: `not a watchlist: ${error.message}`, where: file });
    throw error;
  }
}
