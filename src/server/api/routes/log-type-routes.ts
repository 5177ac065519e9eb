import { z } from 'zod';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';

const publishedType = z.object({
  type: z.string(),
  summary: z.string(),
  sealed: z.array(z.string()).describe('fields the entry may carry as salted commitments'),
  replays: z.string().nullable().describe('how the entry rebuilds public state in a replay; null if it changes none'),
  data: z.record(z.string(), z.unknown()).describe('JSON Schema of the data of such entries'),
});

/**
 * The log's event catalogue, published: what every entry type means, the schema of its data and
 * which fields it seals — so an outside verifier can read the log without reading our code.
 */
export function addLogTypeRoutes(router: ApiRouter, store: Store): void {
  router.add(
    { method: 'get', path: '/log/types', operationId: 'listLogEntryTypes', summary: 'Every log entry type: its meaning, the JSON Schema of its data, its sealed fields, how it replays', tag: 'log', responses: { 200: { description: 'The event catalogue', schema: z.object({ types: z.array(publishedType) }) } } },
    async (_c, { reply }) => reply({ types: store.events.catalogue.publish() }),
  );
}
