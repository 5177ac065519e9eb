import type { RecordType } from './schemas/common.js';
import type { RegistryRecord } from './registry-record.js';

/** A reference from one record to another: the field that holds it, the types it may name, the key. */
export interface RecordReference {
  readonly field: string;
  readonly types: readonly RecordType[];
  readonly key: string;
}

const PARTY: readonly RecordType[] = ['organization', 'person'];

/** Every record a record points at, so a write can refuse dangling references. */
export function recordReferences(entry: RegistryRecord): RecordReference[] {
  const refs: RecordReference[] = [];
  if (entry.type !== 'source') {
    entry.record.sources.forEach((key, i) => refs.push({ field: `sources[${i}]`, types: ['source'], key }));
  }
  switch (entry.type) {
    case 'organization':
      if (entry.record.parent) refs.push({ field: 'parent', types: ['organization'], key: entry.record.parent });
      break;
    case 'product':
      refs.push({ field: 'vendor', types: ['organization'], key: entry.record.vendor });
      break;
    case 'relationship':
      refs.push({ field: 'from', types: PARTY, key: entry.record.from }, { field: 'to', types: PARTY, key: entry.record.to });
      break;
    case 'designation':
      refs.push({ field: 'subject', types: PARTY, key: entry.record.subject });
      break;
    case 'incident':
      (entry.record.products ?? []).forEach((key, i) => refs.push({ field: `products[${i}]`, types: ['product'], key }));
      (entry.record.vendors ?? []).forEach((key, i) => refs.push({ field: `vendors[${i}]`, types: ['organization'], key }));
      break;
    case 'contract':
      for (const field of ['buyer', 'fundingOffice', 'recipient'] as const) {
        const key = entry.record[field];
        if (key) refs.push({ field, types: ['organization'], key });
      }
      break;
    case 'transaction':
      refs.push({ field: 'piid', types: ['contract'], key: entry.record.piid });
      break;
    default:
      break;
  }
  return refs;
}
