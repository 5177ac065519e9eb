import type { RecordShapes, RegistryRecord } from '../registry-record.js';
import type { RecordType } from '../schemas/common.js';
import { csvLine } from './csv-cell.js';
import type { ExportLookups } from './export-batch.js';

/** What a column reads from a record: text, a number, a list (joined with "; "), or nothing. */
type Cell = string | number | readonly string[] | undefined;
type Column<T extends RecordType> = readonly [name: string, read: (record: RecordShapes[T], lookups: ExportLookups) => Cell];

/** Multi-valued cells are joined with this; a value that itself holds "; " reads ambiguously, which is why NDJSON exists. */
export const CSV_LIST_SEPARATOR = '; ';

/** The ids a record cites, and the URLs of those that have one, in the same order. */
function sourceColumns<T extends Exclude<RecordType, 'source'>>(): Column<T>[] {
  return [
    ['sources', (r) => r.sources],
    ['source_urls', (r, lookups) => r.sources.flatMap((id) => lookups.sources.get(id)?.url ?? [])],
  ];
}

/**
 * The columns of each type's table, fixed and in order (documented in this folder's README).
 * Dates stay ISO 8601 as recorded, month-only dates included; identifiers and ids are as stored.
 */
const COLUMNS: { readonly [T in RecordType]: readonly Column<T>[] } = {
  organization: [
    ['id', (r) => r.id], ['name', (r) => r.name], ['kind', (r) => r.kind], ['country', (r) => r.country], ['locality', (r) => r.locality],
    ['aliases', (r) => r.aliases], ['former_names', (r) => r.formerNames?.map((f) => (f.until ? `${f.name} (until ${f.until})` : f.name))],
    ['uei', (r) => r.identifiers?.uei], ['duns', (r) => r.identifiers?.duns], ['cage', (r) => r.identifiers?.cage], ['lei', (r) => r.identifiers?.lei], ['cusip', (r) => r.identifiers?.cusip], ['isin', (r) => r.identifiers?.isin], ['ticker', (r) => r.identifiers?.ticker], ['ori', (r) => r.identifiers?.ori],
    ['parent', (r) => r.parent], ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'organization'>(),
  ],
  person: [
    ['id', (r) => r.id], ['name', (r) => r.name], ['aliases', (r) => r.aliases], ['role', (r) => r.role], ['nationality', (r) => r.nationality],
    ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'person'>(),
  ],
  product: [
    ['id', (r) => r.id], ['name', (r) => r.name], ['vendor', (r) => r.vendor], ['aliases', (r) => r.aliases], ['capabilities', (r) => r.capabilities],
    ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'product'>(),
  ],
  relationship: [
    ['id', (r) => r.id], ['from', (r) => r.from], ['type', (r) => r.type], ['to', (r) => r.to], ['date', (r) => r.date], ['end', (r) => r.end],
    ['as_of', (r) => r.asOf], ['stake_percent', (r) => r.stakePercent], ['stake', (r) => r.stake], ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'relationship'>(),
  ],
  designation: [
    ['id', (r) => r.id], ['subject', (r) => r.subject], ['authority', (r) => r.authority], ['list', (r) => r.list], ['listed', (r) => r.listed],
    ['delisted', (r) => r.delisted], ['reason', (r) => r.reason], ['delisting_reason', (r) => r.delistingReason], ['status', (r) => r.status],
    ...sourceColumns<'designation'>(),
  ],
  incident: [
    ['id', (r) => r.id], ['title', (r) => r.title], ['date', (r) => r.date], ['countries', (r) => r.countries], ['target_categories', (r) => r.targetCategories],
    ['products', (r) => r.products], ['vendors', (r) => r.vendors], ['summary', (r) => r.summary], ['forensic_confirmation', (r) => r.forensicConfirmation],
    ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'incident'>(),
  ],
  contract: [
    ['piid', (r) => r.piid], ['award_key', (r) => r.awardKey], ['award_key_note', (r) => r.awardKeyNote], ['buyer', (r) => r.buyer],
    ['funding_office', (r) => r.fundingOffice], ['recipient', (r) => r.recipient], ['recipient_uei', (r) => r.recipientUei], ['value', (r) => r.value],
    ['currency', (r) => r.currency], ['competition', (r) => r.competition], ['term', (r) => r.term], ['description', (r) => r.description],
    ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'contract'>(),
  ],
  transaction: [
    ['id', (r) => r.id], ['piid', (r) => r.piid], ['event', (r) => r.event], ['date', (r) => r.date], ['modification', (r) => r.modification],
    ['transaction_key', (r) => r.transactionKey], ['amount', (r) => r.amount], ['description', (r) => r.description], ['note', (r) => r.note],
    ['status', (r) => r.status], ...sourceColumns<'transaction'>(),
  ],
  source: [
    ['id', (r) => r.id], ['title', (r) => r.title], ['publisher', (r) => r.publisher], ['date', (r) => r.date], ['url', (r) => r.url], ['file', (r) => r.file],
    ['sha256', (r) => r.sha256], ['citation', (r) => r.citation], ['document_number', (r) => r.documentNumber], ['no_link_reason', (r) => r.noLinkReason], ['licence', (r) => r.licence],
    ['notes', (r) => r.notes], ['status', (r) => r.status],
  ],
  policy: [
    ['id', (r) => r.id], ['title', (r) => r.title], ['jurisdiction', (r) => r.jurisdiction], ['date', (r) => r.date], ['summary', (r) => r.summary],
    // Signatories by the date they joined: "2023-03-30: AU, CA; 2024-03-18: FI".
    ['signatories', (r) => Object.entries(r.signatories ?? {}).map(([date, countries]) => `${date}: ${countries.join(', ')}`)],
    ['notes', (r) => r.notes], ['status', (r) => r.status], ...sourceColumns<'policy'>(),
  ],
};

function text(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return cell.join(CSV_LIST_SEPARATOR);
}

function line<T extends RecordType>(columns: readonly Column<T>[], record: RecordShapes[T], lookups: ExportLookups): string {
  return csvLine(columns.map(([, read]) => text(read(record, lookups))));
}

/**
 * The column names of a type's CSV table.
 *
 * @example
 * csvColumns('designation');  // ['id', 'subject', 'authority', 'list', 'listed', 'delisted', …, 'sources', 'source_urls']
 */
export function csvColumns(type: RecordType): readonly string[] {
  return COLUMNS[type].map(([name]) => name);
}

/**
 * The header line of a type's CSV table (RFC 4180 §2 rule 3: a header line, same fields as the rows).
 *
 * @example
 * csvHeader('person');  // 'id,name,aliases,role,nationality,notes,status,sources,source_urls\r\n'
 */
export function csvHeader(type: RecordType): string {
  return csvLine(csvColumns(type));
}

/**
 * A record as one CSV row of its type's table: lists joined with "; ", numbers as written,
 * absent values empty, every cell quoted per RFC 4180 and neutralised against formulas.
 *
 * @example
 * recordToCsvLine({ type: 'person', record: dilian }, lookups);  // 'tal-dilian,Tal Jonathan Dilian,,founder of …\r\n'
 */
export function recordToCsvLine(entry: RegistryRecord, lookups: ExportLookups): string {
  switch (entry.type) {
    case 'organization': return line(COLUMNS.organization, entry.record, lookups);
    case 'person': return line(COLUMNS.person, entry.record, lookups);
    case 'product': return line(COLUMNS.product, entry.record, lookups);
    case 'relationship': return line(COLUMNS.relationship, entry.record, lookups);
    case 'designation': return line(COLUMNS.designation, entry.record, lookups);
    case 'incident': return line(COLUMNS.incident, entry.record, lookups);
    case 'contract': return line(COLUMNS.contract, entry.record, lookups);
    case 'transaction': return line(COLUMNS.transaction, entry.record, lookups);
    case 'source': return line(COLUMNS.source, entry.record, lookups);
    case 'policy': return line(COLUMNS.policy, entry.record, lookups);
  }
}
