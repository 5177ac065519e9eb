import { z } from 'zod';
import { nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, textSchema } from './common.js';

/** A SHA-256 digest as 64 lower-case hexadecimal digits (FIPS 180-4), the form `sha256sum` prints. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest: 64 lower-case hexadecimal digits');

/**
 * A file kept with the dataset, relative to the dataset directory (`archive/letter.txt`). No
 * absolute paths and no `..` segments: the path names a file inside the dataset, never outside it.
 */
export const datasetFileSchema = z
  .string()
  .regex(/^[\w.-]+(?:\/[\w.-]+)*$/, 'must be a relative path of letters, digits, ".", "_", "-" and "/"')
  .max(300)
  .refine((path) => !path.split('/').some((segment) => segment === '..' || segment === '.'), 'must not contain "." or ".." segments');

/**
 * A Federal Register citation, volume and first page: `88 FR 18957` (1 CFR 18.10 prescribes the
 * form). Only ever one the document states or the Register's own listing confirms.
 */
export const federalRegisterCitationSchema = z.string().regex(/^\d{1,3} FR \d{1,6}$/, 'must be a Federal Register citation such as 88 FR 18957');

/**
 * A document a fact rests on: a press release, a letter, a Federal Register rule, a court filing,
 * a report. Issue #13 ("Sources"): every source is one click away — it links to its publication
 * (`url`, only ever an address the document itself states or its publisher's own canonical one),
 * or the dataset keeps an archived copy (`file`, with its `sha256`, which the portal serves and the
 * transparency log records with the source), or it says why it has neither (`noLinkReason`).
 */
export const sourceSchema = z
  .strictObject({
    id: recordIdSchema,
    title: nameSchema.max(1000),
    publisher: nameSchema.max(1000).optional(),
    /** The date the document was published (or signed, for a letter). */
    date: partialDateSchema.optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** The archived copy, relative to the dataset directory (`archive/…`). */
    file: datasetFileSchema.optional(),
    /** SHA-256 of the archived copy's bytes, so anyone can check the copy is the one cited. */
    sha256: sha256Schema.optional(),
    /** Federal Register citation (`86 FR 60759`), where the document is published there. */
    citation: federalRegisterCitationSchema.optional(),
    /** The publisher's number for the document: a Federal Register document number, a case number. */
    documentNumber: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:.\-/ ]{0,59}$/, 'must be a document number such as 2021-24123').optional(),
    /** Why the source has neither a link nor an archived copy (the portal shows it, and counts it). */
    noLinkReason: textSchema.max(1000).optional(),
    /**
     * The terms the document or data set is published under, as its publisher states them
     * (`CC BY 4.0`, `CC BY-NC-SA 4.0`, `public domain (US government work)`), or why it is not
     * known. Imported data sets carry theirs, so every fact imported from them says it.
     */
    licence: nameSchema.max(300).optional(),
    notes: textSchema.optional(),
    status: recordStatusSchema.default('documented'),
  })
  .superRefine((source, ctx) => {
    if (source.sha256 !== undefined && source.file === undefined) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'a source with a sha256 needs the file it is the digest of' });
    }
    if (source.noLinkReason !== undefined && (source.url !== undefined || source.sha256 !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['noLinkReason'], message: 'only a source with neither a url nor an archived copy says why it has none' });
    }
  });
export type Source = z.infer<typeof sourceSchema>;

/**
 * Whether the source is one click away: a link to its publication or an archived copy with its
 * digest. Sources with neither are shown and counted as such.
 *
 * @example
 * isLinked({ id: 'x', title: 'X', status: 'documented', url: 'https://example.org/x' }); // true
 */
export function isLinked(source: Pick<Source, 'url' | 'file' | 'sha256'>): boolean {
  return source.url !== undefined || (source.file !== undefined && source.sha256 !== undefined);
}
