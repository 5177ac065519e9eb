import type { ContractTransaction } from '../contract-transaction.js';

/**
 * The registry source for facts read from procurement data: the award's USAspending page. Every
 * contract and transaction Countersign records from screening cites it, so a reader can check.
 *
 * @example
 * procurementSource(transaction).url; // 'https://www.usaspending.gov/award/CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-/'
 */
export function procurementSource(transaction: ContractTransaction): { id: string; title: string; publisher: string; url: string; status: 'documented' } {
  const slug = transaction.piid.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const url = transaction.permalink || `https://www.usaspending.gov/award/${encodeURIComponent(transaction.awardKey)}/`;
  return {
    id: `usaspending-${slug}`.slice(0, 100),
    title: `Federal procurement record of contract ${transaction.piid} (${transaction.awardKey})`,
    publisher: 'USAspending.gov / FPDS-NG (U.S. federal procurement data)',
    url,
    status: 'documented',
  };
}
