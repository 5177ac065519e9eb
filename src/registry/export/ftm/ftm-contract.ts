import type { RecordShapes } from '../../registry-record.js';
import type { ExportLookups } from '../export-batch.js';
import { ftmEntity, ftmIds, ftmProvenance, type FtmEntity } from './ftm-entity.js';
import { partyEntityId } from './ftm-party-schema.js';

/**
 * A contract as FtM tells procurement: a Contract ("issued by an authority") and, when the
 * recipient is known, a ContractAward ("as awarded to a supplier") linking it to the recipient.
 * The Contract carries `title` (required) and `name` as "Contract <PIID>", the PIID as
 * `procedureNumber`, the buyer as `authority`, the competition as `procedure`, `amount` and
 * `currency`; the award carries `supplier`, `contract`, `amount`, `currency`. FtM has no property
 * for a funding office, a USAspending award key or a contract term; those stay in CSV and NDJSON,
 * and so do the transactions (award, stop-work …), which are no FtM entities.
 *
 * @example
 * contractToFtm({ piid: '70CTD024P00000012', buyer: 'ice', recipient: 'paragon-solutions-us', value: 2000000, currency: 'USD', … }, lookups);
 * // [{ schema: 'Contract', properties: { authority: ['countersign-org-ice'], amount: ['2000000'], … } }, { schema: 'ContractAward', properties: { supplier: ['countersign-org-paragon-solutions-us'], … } }]
 */
export function contractToFtm(contract: RecordShapes['contract'], lookups: ExportLookups): FtmEntity[] {
  const title = `Contract ${contract.piid}`;
  const provenance = ftmProvenance(contract.sources, lookups);
  const entities = [
    ftmEntity(ftmIds.contract(contract.piid), 'Contract', {
      title,
      name: title,
      procedureNumber: contract.piid,
      authority: contract.buyer === undefined ? undefined : partyEntityId(contract.buyer, lookups),
      procedure: contract.competition,
      amount: contract.value,
      currency: contract.currency,
      description: contract.description,
      notes: contract.notes,
      ...provenance,
    }),
  ];
  const supplier = contract.recipient === undefined ? undefined : partyEntityId(contract.recipient, lookups);
  if (supplier !== undefined) {
    entities.push(
      ftmEntity(ftmIds.contractAward(contract.piid), 'ContractAward', {
        supplier,
        contract: ftmIds.contract(contract.piid),
        amount: contract.value,
        currency: contract.currency,
        recordId: contract.piid,
        ...provenance,
      }),
    );
  }
  return entities;
}
