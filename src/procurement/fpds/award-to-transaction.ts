import { EMPTY_RECIPIENT, type ContractTransaction } from '../contract-transaction.js';
import { buildAwardKey, buildPermalink, buildTransactionKey } from '../transaction-keys.js';
import { attributeOf, childAt, findElement, textOf } from './xml-node.js';

function amountOf(value: string): number {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : 0;
}

/**
 * An FPDS `<award>` element (as an `XmlNode` tree) as a normalised transaction, with keys built by
 * USAspending's formulas so the same action read from FPDS and from USAspending has the same key.
 *
 * @example
 * const transaction = awardToTransaction(childAt(entry, 'content', 'award'), { file: 'feed.xml', line: 9 });
 */
export function awardToTransaction(award: unknown, origin: { file: string; line: number }): ContractTransaction {
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
