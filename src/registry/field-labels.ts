import type { RecordType } from './schemas/common.js';

/** Field names as people read them; the same word for a field wherever it appears. */
const COMMON: Readonly<Record<string, string>> = {
  id: 'Identifier (slug)',
  name: 'Name',
  title: 'Title',
  kind: 'Kind',
  country: 'Country',
  locality: 'City or locality',
  aliases: 'Other names (aliases)',
  formerNames: 'Former names',
  identifiers: 'Identifiers',
  parent: 'Parent organization',
  notes: 'Notes',
  note: 'Note',
  sources: 'Sources',
  status: 'How well established',
  role: 'Role',
  nationality: 'Nationality',
  vendor: 'Vendor',
  vendors: 'Vendors',
  product: 'Product',
  products: 'Products',
  capabilities: 'Capabilities',
  from: 'From',
  to: 'To',
  type: 'Relationship',
  date: 'Date',
  end: 'End date',
  asOf: 'Described as of',
  stakePercent: 'Stake (per cent)',
  stake: 'Stake (in the source’s words)',
  subject: 'Listed organization or person',
  authority: 'Designating authority',
  list: 'List',
  listed: 'Listed on',
  delisted: 'Delisted on',
  reason: 'Reason',
  delistingReason: 'Reason for delisting',
  summary: 'Summary',
  countries: 'Countries',
  targetCategories: 'Who was targeted',
  forensicConfirmation: 'Forensic confirmation',
  piid: 'Contract number (PIID)',
  awardKey: 'USAspending award key',
  awardKeyNote: 'About the award key',
  buyer: 'Buyer',
  fundingOffice: 'Funding office',
  recipient: 'Recipient',
  recipientUei: 'Recipient’s UEI',
  value: 'Value',
  currency: 'Currency',
  competition: 'Competition',
  term: 'Term',
  description: 'Description',
  event: 'Event',
  modification: 'Modification',
  transactionKey: 'USAspending transaction key',
  amount: 'Amount',
  screened: 'What screened files say',
  jurisdiction: 'Jurisdiction',
  signatories: 'Signatories by date joined',
  publisher: 'Publisher',
  url: 'Link to the publication',
  file: 'Archived copy (file in the dataset)',
  sha256: 'SHA-256 of the archived copy',
  citation: 'Federal Register citation',
  documentNumber: 'Document number',
  noLinkReason: 'Why there is neither a link nor a copy',
  licence: 'Licence',
  uei: 'SAM.gov UEI',
  duns: 'DUNS number',
  cage: 'CAGE code',
  lei: 'LEI',
  cusip: 'CUSIP',
  isin: 'ISIN',
  ticker: 'Ticker symbol',
  ori: 'FBI ORI',
  until: 'Until',
};

/** Where a record type reads a field differently from the others. */
const BY_TYPE: Partial<Record<RecordType, Readonly<Record<string, string>>>> = {
  organization: { kind: 'Kind of organization' },
  relationship: { date: 'Began on', from: 'From (organization or person)', to: 'To (organization or person)' },
  incident: { date: 'When it happened' },
  policy: { date: 'Date adopted', jurisdiction: 'Jurisdiction (country code)' },
  source: { date: 'Published on' },
  transaction: { date: 'Action date' },
};

/**
 * A record field's name in words (`recipientUei` → "Recipient’s UEI"). A dotted path reads its last
 * part (`identifiers.uei` → "SAM.gov UEI"); a field nobody named yet reads as its words.
 *
 * @example
 * fieldLabel('organization', 'kind'); // 'Kind of organization'
 * fieldLabel('contract', 'recipientUei'); // 'Recipient’s UEI'
 */
export function fieldLabel(type: RecordType, field: string): string {
  const last = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return BY_TYPE[type]?.[last] ?? COMMON[last] ?? words.charAt(0).toUpperCase() + words.slice(1);
}
