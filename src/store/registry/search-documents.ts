import type { RegistryRecord } from '../../registry/registry-record.js';
import { foldText } from '../../registry/search/fold-text.js';

/** One searchable text of a record: `name` ranks above `alias` and `former`, which rank above `text`. */
export interface SearchDocument {
  readonly field: 'name' | 'alias' | 'former' | 'text';
  readonly content: string;
}

/**
 * The texts a record is found by: names, aliases, former names and identifiers; incidents'
 * titles and summaries; contracts' PIIDs, recipients' UEIs and descriptions; sources' titles and
 * publishers ("citizen lab" finds the Citizen Lab's reports); policies' titles and summaries.
 * Relationships, designations and transactions are reached through the records they belong to.
 */
export function searchDocuments(entry: RegistryRecord): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const add = (field: SearchDocument['field'], text: string | undefined): void => {
    const content = text === undefined ? '' : foldText(text);
    if (content !== '') docs.push({ field, content });
  };
  switch (entry.type) {
    case 'organization':
      add('name', entry.record.name);
      for (const alias of entry.record.aliases ?? []) add('alias', alias);
      for (const former of entry.record.formerNames ?? []) add('former', former.name);
      for (const value of Object.values(entry.record.identifiers ?? {})) add('alias', value);
      break;
    case 'person':
      add('name', entry.record.name);
      for (const alias of entry.record.aliases ?? []) add('alias', alias);
      break;
    case 'product':
      add('name', entry.record.name);
      for (const alias of entry.record.aliases ?? []) add('alias', alias);
      break;
    case 'incident':
      add('name', entry.record.title);
      add('text', entry.record.summary);
      break;
    case 'contract':
      add('name', entry.record.piid);
      add('alias', entry.record.recipientUei);
      add('alias', entry.record.awardKey);
      add('text', entry.record.description);
      break;
    case 'source':
      // A source's title is text, not a name: the records it documents rank before it.
      add('text', entry.record.title);
      add('text', entry.record.publisher);
      add('alias', entry.record.documentNumber);
      break;
    case 'policy':
      add('name', entry.record.title);
      add('text', entry.record.summary);
      break;
    default:
      break;
  }
  return docs;
}
