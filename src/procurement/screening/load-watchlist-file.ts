import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Watchlist } from '../matching/types.js';
import { ProcurementError } from '../procurement-error.js';

const watchlistSchema = z.object({
  version: z.string(),
  entries: z.array(
    z.object({
      organizationId: z.string().min(1),
      organizationName: z.string().min(1),
      names: z.array(z.object({ value: z.string(), kind: z.enum(['primary', 'alias', 'former']) })),
      identifiers: z.object({ uei: z.array(z.string()), duns: z.array(z.string()), cage: z.array(z.string()) }),
      related: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), relation: z.string() })),
    }),
  ),
});

/**
 * Reads a serialised watchlist (what the registry compiles) from a JSON file, validated.
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
  const parsed = watchlistSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProcurementError({ code: 'BAD_WATCHLIST', message: `not a watchlist: ${parsed.error.message}`, where: file });
  }
  return parsed.data;
}
