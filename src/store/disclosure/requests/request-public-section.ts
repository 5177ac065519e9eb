import { canonicalJson } from '../../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from '../../public-state/public-state-section.js';
import { KyselyRequestStore } from './kysely-request-store.js';

/**
 * Filed records requests as the public sees them: the request (letter, clock, determination),
 * its tracking numbers, the metadata and hash of every document received (never its bytes), and
 * its correspondence other than the requester's unsent drafts. Drafts are not public state.
 */
export const disclosureRequestSection: PublicStateSection = {
  name: 'disclosure-request',
  async items(db) {
    const store = new KyselyRequestStore(db);
    const ids = await db.selectFrom('disclosureRequests').select('id').where('receivedAt', 'is not', null).execute();
    const items: (readonly [string, string])[] = [];
    for (const { id } of ids) {
      const request = await store.get(id);
      if (!request) throw new Error(`request ${id} was listed but cannot be read`);
      const messages = (await store.messages(id)).filter((m) => m.direction !== 'draft').sort((a, b) => (a.id < b.id ? -1 : 1));
      items.push([id, canonicalJson({ request, tracking: await store.trackingNumbers(id), documents: await store.documents(id), messages })]);
    }
    return items;
  },
};
