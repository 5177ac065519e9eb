import { createHash } from 'node:crypto';
import type { Source } from '../registry/schemas/source.js';
import type { ImportFormat } from './import-batch.js';

/** What each format's publisher and licence are, as the publishers state them (see test/fixtures/README.md). */
const PUBLISHED: Readonly<Record<ImportFormat, { readonly title: string; readonly publisher?: string; readonly licence: string }>> = {
  sii: {
    title: 'Surveillance Industry Index (companies.json)',
    publisher: 'Privacy International and Transparency Toolkit',
    licence: 'not stated: the dataspec-sii repository that publishes companies.json carries no licence',
  },
  atlas: { title: 'Atlas of Surveillance (CSV)', publisher: 'Electronic Frontier Foundation', licence: 'CC BY 4.0' },
  ftm: { title: 'FollowTheMoney entities', licence: 'not stated in the file: see the terms of the data set it was downloaded from' },
  granitt: { title: 'GranittHQ victims data (CSV)', publisher: 'GranittHQ', licence: 'CC BY-NC-SA 4.0 (non-commercial, share-alike)' },
};

/** What the person importing may say about the file: where it was downloaded, under which licence. */
export interface FileProvenance {
  readonly url?: string;
  readonly licence?: string;
}

/**
 * The source record of an imported file: one per format and file content (the SHA-256 of the
 * bytes names it), so importing the same file twice cites the same source and a newer download
 * is a source of its own. It carries the file's licence; without a download address it says why.
 *
 * @example
 * fileSource('atlas', 'atlas.csv', bytes, {}).licence; // 'CC BY 4.0'
 */
export function fileSource(format: ImportFormat, fileName: string, bytes: Uint8Array, provenance: FileProvenance): Source {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const published = PUBLISHED[format];
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return {
    id: `import-${format}-${digest.slice(0, 16)}`,
    title: `${published.title}: ${base}`.slice(0, 1000),
    ...(published.publisher ? { publisher: published.publisher } : {}),
    ...(provenance.url ? { url: provenance.url } : { noLinkReason: `Imported from the file ${base}; the import was not told where it was downloaded.`.slice(0, 1000) }),
    licence: (provenance.licence ?? published.licence).slice(0, 300),
    notes: `The file's SHA-256 is ${digest}.`,
    status: 'reported',
  };
}

/**
 * A web page a row cites (a news article, an agency document), as a source: its id is a digest
 * of the address, so every row and every import citing the same page cites one source. The title
 * is the one the file gives, else the address itself — never one made up.
 *
 * @example
 * webSource('https://citizenlab.ca/2021/07/x/', {}).id; // 'web-…'
 */
export function webSource(url: string, about: { readonly title?: string; readonly publisher?: string; readonly date?: string; readonly licence?: string }): Source {
  const id = `web-${createHash('sha256').update(url).digest('hex').slice(0, 20)}`;
  return {
    id,
    title: (about.title ?? url).slice(0, 1000),
    url,
    ...(about.publisher ? { publisher: about.publisher.slice(0, 1000) } : {}),
    ...(about.date ? { date: about.date } : {}),
    status: 'reported',
  };
}

/** Whether a string is an http(s) address the source schema takes. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 2000;
  } catch {
    return false;
  }
}
