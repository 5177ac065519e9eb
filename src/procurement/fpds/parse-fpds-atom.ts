import { XMLParser } from 'fast-xml-parser';
import { EMPTY_RECIPIENT, type ContractTransaction } from '../contract-transaction.js';
import { ProcurementError } from '../procurement-error.js';
import { buildAwardKey, buildPermalink, buildTransactionKey } from '../transaction-keys.js';
import { attributeOf, childAt, findElement, isXmlNode, textOf } from './xml-node.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // PIIDs, modification numbers and DUNS must stay strings ("0", "P00001", "080012345").
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'entry',
});

function lineStarts(xml: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (let at = xml.indexOf('<entry', 0); at >= 0; at = xml.indexOf('<entry', at + 1)) {
    for (let i = from; i < at; i++) if (xml.charCodeAt(i) === 10) line++;
    from = at;
    lines.push(line);
  }
  return lines;
}

function amountOf(value: string): number {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : 0;
}

function awardToTransaction(award: unknown, origin: { file: string; line: number }): ContractTransaction {
  const contractId = childAt(award, 'awardID', 'awardContractID');
  const referenced = childAt(award, 'awardID', 'referencedIDVID');
  const agencyNode = childAt(contractId, 'agencyID');
  const parts = {
    agencyId: textOf(agencyNode),
    parentAgencyId: textOf(childAt(referenced, 'agencyID')),
    piid: textOf(childAt(contractId, 'PIID')),
    modification: textOf(childAt(contractId, 'modNumber')) || '0',
    parentPiid: textOf(childAt(referenced, 'PIID')),
    transactionNumber: textOf(childAt(contractId, 'transactionNumber')) || '0',
  };
  const awardKey = buildAwardKey(parts);
  const reason = childAt(award, 'contractData', 'reasonForModification');
  const vendor = childAt(award, 'vendor');
  const uei = findElement(vendor, 'vendorUEIInformation');
  const duns = findElement(vendor, 'vendorDUNSInformation');
  const name = textOf(childAt(vendor, 'vendorHeader', 'vendorName'));
  const purchaser = childAt(award, 'purchaserInformation');
  return {
    transactionKey: buildTransactionKey(parts),
    awardKey,
    piid: parts.piid,
    modification: parts.modification,
    transactionNumber: parts.transactionNumber,
    parentPiid: parts.parentPiid,
    parentAgencyId: parts.parentAgencyId,
    agencyId: parts.agencyId,
    agencyName: attributeOf(childAt(purchaser, 'contractingOfficeAgencyID'), 'departmentName'),
    subAgencyName: attributeOf(agencyNode, 'name'),
    actionDate: textOf(childAt(award, 'relevantContractDates', 'signedDate')).slice(0, 10),
    amount: amountOf(textOf(childAt(award, 'dollarValues', 'obligatedAmount'))),
    actionTypeCode: textOf(reason),
    actionType: attributeOf(reason, 'description'),
    description: textOf(childAt(award, 'contractData', 'descriptionOfContractRequirement')),
    fundingOfficeName: attributeOf(childAt(purchaser, 'fundingRequestingOfficeID'), 'name'),
    recipient: {
      ...EMPTY_RECIPIENT,
      uei: textOf(childAt(uei, 'UEI')),
      parentUei: textOf(childAt(uei, 'ultimateParentUEI')),
      duns: textOf(childAt(duns, 'DUNSNumber')),
      parentDuns: textOf(childAt(duns, 'globalParentDUNSNumber')),
      cage: textOf(findElement(vendor, 'cageCode')),
      name: textOf(childAt(uei, 'UEILegalBusinessName')) || name,
      nameRaw: name,
      doingBusinessAs: textOf(childAt(vendor, 'vendorHeader', 'vendorDoingAsBusinessName')),
      parentName: textOf(childAt(uei, 'ultimateParentUEIName')) || textOf(childAt(duns, 'globalParentDUNSName')),
      parentNameRaw: '',
    },
    correctionDeleteInd: '',
    lastModified: textOf(childAt(award, 'transactionInformation', 'lastModifiedDate')),
    permalink: buildPermalink(awardKey),
    origin: { kind: 'file', ...origin },
  };
}

export interface FpdsAtomPage {
  readonly transactions: ContractTransaction[];
  /** Entries that are not contract awards (IDVs, other transactions), passed over. */
  readonly skipped: { readonly line: number; readonly kind: string }[];
  /** The feed's `rel="next"` link, when there are more pages. */
  readonly next: string | null;
}

/**
 * Reads one page of an FPDS-NG ATOM feed into normalised transactions (contract awards; IDVs and
 * other transaction types are listed as skipped). Keys are built by USAspending's formulas so the
 * same action read from FPDS and from USAspending has the same key.
 *
 * @example
 * const page = parseFpdsAtom(readFileSync('feed.xml', 'utf8'), 'feed.xml');
 * page.transactions[0]?.recipient.uei; // 'NW6QFTZACWM7'
 */
export function parseFpdsAtom(xml: string, file: string): FpdsAtomPage {
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw new ProcurementError({ code: 'BAD_XML', message: `not well-formed XML: ${String(error)}`, where: file, cause: error });
  }
  const feed = childAt(document, 'feed');
  if (!isXmlNode(feed)) throw new ProcurementError({ code: 'BAD_XML', message: 'not an ATOM feed (no <feed> element)', where: file });
  const entries = Array.isArray(feed.entry) ? feed.entry : [];
  const lines = lineStarts(xml);
  const transactions: ContractTransaction[] = [];
  const skipped: { line: number; kind: string }[] = [];
  entries.forEach((entry: unknown, index) => {
    const line = lines[index] ?? 0;
    const content = childAt(entry, 'content');
    const award = childAt(content, 'award');
    if (award === undefined) {
      const kind = isXmlNode(content) ? (Object.keys(content).find((key) => !key.startsWith('@_') && key !== '#text') ?? 'empty') : 'empty';
      skipped.push({ line, kind });
      return;
    }
    transactions.push(awardToTransaction(award, { file, line }));
  });
  const links = childAt(feed, 'link');
  const allLinks = Array.isArray(feed.link) ? feed.link : links === undefined ? [] : [links];
  const next = allLinks.find((link: unknown) => attributeOf(link, 'rel') === 'next');
  return { transactions, skipped, next: next === undefined ? null : attributeOf(next, 'href') || null };
}
