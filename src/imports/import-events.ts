import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../ledger/catalogue/event-definition.js';
import type { ImportsTransaction } from './import-store.js';
import { IMPORT_FORMATS } from './import-batch.js';

const count = z.number().int().nonnegative();

/**
 * An import's own entry, after the entries of the records it wrote and the proposals it queued:
 * which file (by its source record, which carries the file's SHA-256 and licence), in what
 * format, and what became of its items. It changes no state of its own, so it has no replay;
 * an import that writes nothing appends nothing (importing the same file again changes nothing).
 */
export const importEvents: readonly EventDefinition<unknown, ImportsTransaction>[] = [
  defineEvent({
    type: 'imports.file.imported',
    summary: 'An admin imported a file another project publishes (SII, Atlas of Surveillance, FtM, GranittHQ): its records were merged into the registry.',
    data: z.strictObject({ format: z.enum(IMPORT_FORMATS), file: z.string().max(300), source: z.string(), created: count, merged: count, queued: count, rejected: count, written: count, proposed: count }),
    sealed: [],
  }),
];
