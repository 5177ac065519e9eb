import { canonicalRecord, type RegistryRecord } from './registry-record.js';

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function tidy<R extends { sources: string[]; aliases?: string[] | undefined }>(record: R): R {
  return canonicalRecord({ ...record, sources: uniqueSorted(record.sources), ...(record.aliases ? { aliases: [...new Set(record.aliases)] } : {}) });
}

/**
 * The one form a record is written, logged and compared in: sources sorted and unique, aliases
 * unique, an incident's links sorted, empty lists dropped. Stored records read back in this
 * form, so "same record" is plain equality of canonical JSON.
 */
export function normalizeRecord(entry: RegistryRecord): RegistryRecord {
  switch (entry.type) {
    case 'source':
      return { type: 'source', record: canonicalRecord(entry.record) };
    case 'incident': {
      const r = entry.record;
      const links = { countries: uniqueSorted(r.countries), targetCategories: uniqueSorted(r.targetCategories), products: uniqueSorted(r.products ?? []), vendors: uniqueSorted(r.vendors ?? []) };
      return { type: 'incident', record: tidy({ ...r, ...links }) };
    }
    case 'organization': return { type: 'organization', record: tidy(entry.record) };
    case 'person': return { type: 'person', record: tidy(entry.record) };
    case 'product': return { type: 'product', record: tidy(entry.record) };
    case 'relationship': return { type: 'relationship', record: tidy(entry.record) };
    case 'designation': return { type: 'designation', record: tidy(entry.record) };
    case 'contract': return { type: 'contract', record: tidy(entry.record) };
    case 'transaction': return { type: 'transaction', record: tidy(entry.record) };
    case 'policy': return { type: 'policy', record: tidy(entry.record) };
  }
}
