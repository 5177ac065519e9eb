import type { Holding } from '../holding.js';
import { read13fInformationTable } from './read-13f-information-table.js';
import { readHoldingsCsv } from './read-holdings-csv.js';
import { decodeUtf8Strict } from '../../core/decode-utf8-strict.js';

/** Which reader a file needs: XML (a 13F information table) starts with `<`, anything else is CSV. */
export function holdingsFormat(firstBytes: Uint8Array): '13f' | 'csv' {
  const text = new TextDecoder().decode(firstBytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('<') ? '13f' : 'csv';
}

/**
 * The holdings of a file given whole (an upload): a 13F table through the streaming reader, a
 * CSV through the CSV reader.
 *
 * @example
 * const { format, holdings } = holdingsOf(bytes, 'holdings.xml');
 */
export function holdingsOf(bytes: Uint8Array, fileName: string): { format: '13f' | 'csv'; holdings: AsyncIterable<Holding> | Iterable<Holding> } {
  const format = holdingsFormat(bytes);
  if (format === '13f') {
    const chunks = async function* () {
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024) yield bytes.subarray(offset, offset + 64 * 1024);
    };
    return { format, holdings: read13fInformationTable(chunks(), fileName) };
  }
  return { format, holdings: readHoldingsCsv(decodeUtf8Strict(bytes, fileName), fileName) };
}
