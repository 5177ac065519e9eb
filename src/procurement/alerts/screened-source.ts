import { basename } from 'node:path';
import type { Source } from '../../registry/schemas/source.js';
import type { ScreenedObservation } from '../../registry/schemas/screened-observation.js';
import type { ContractTransaction } from '../contract-transaction.js';
import { procurementSource } from './procurement-source.js';

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The registry source a screened row is cited by. A row read from a file cites that file — its
 * name and SHA-256, never its path on the server, and never an address the file merely states (a
 * sample file may be illustrative); a row fetched from the USAspending API cites the award's page
 * there. Facts read this way stay `reported` until an editor verifies them.
 *
 * @example
 * screenedSource(transaction).title; // 'Screened procurement file sample-contract-transactions.csv'
 */
export function screenedSource(transaction: ContractTransaction): Source {
  const origin = transaction.origin;
  if (origin.kind === 'url') return { ...procurementSource(transaction), status: 'reported' };
  const name = basename(origin.file.replace(/\\/g, '/'));
  const id = origin.sha256 ? `screened-file-${origin.sha256.slice(0, 16)}` : `screened-file-${slug(name)}`.slice(0, 100);
  return {
    id,
    title: `Screened procurement file ${name}`,
    noLinkReason: `A procurement data file screened with "countersign screen --save"; it is not archived with the dataset${origin.sha256 ? `. Its SHA-256 is ${origin.sha256}` : ''}. What it says is reported, not documented, until an editor checks it.`,
    status: 'reported',
  };
}

/**
 * Where a screened row came from, as a fact cites it: the source, the file's name (or the API
 * URL), its SHA-256 and the row.
 *
 * @example
 * screenedCitation(transaction, 'screened-file-…'); // { source, file: 'sample.csv', sha256: '…', row: 4, transactionKey: '…', values: {} }
 */
export function screenedCitation(transaction: ContractTransaction, source: string): ScreenedObservation {
  const origin = transaction.origin;
  const key = transaction.transactionKey.length >= 5 && transaction.transactionKey.length <= 200 ? { transactionKey: transaction.transactionKey } : {};
  if (origin.kind === 'url') return { source, file: origin.url.slice(0, 2000) || 'USAspending API', ...key, values: {} };
  return { source, file: basename(origin.file.replace(/\\/g, '/')), ...(origin.sha256 ? { sha256: origin.sha256 } : {}), ...(origin.line > 0 ? { row: origin.line } : {}), ...key, values: {} };
}
