import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import { aScreenedTransaction } from '../../procurement/testing/screened-transaction-factory.js';
import type { AppEnv } from '../../server/app-env.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenOrganization, uniqueId } from '../../../test/support/registry-factories.js';
import { anonymousClient, quickClient, type TestClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { requestDocumentsInSearchMigration } from '../migrations/0114-request-documents-in-search.js';
import { REQUEST_DOCUMENT } from './request-document-index.js';
import { searchRequestDocuments } from './search-request-documents.js';

const PIID = '70CTD024P00000099';

interface RequestJson { id: string; title: string; documents: { id: string; fileName: string; publishedAt: string | null }[] }

/** The "Documents released on records requests" section of a search page, or null when it has none. */
function documentSection(text: string): string | null {
  const start = text.indexOf('id="request-documents-heading"');
  return start < 0 ? null : text.slice(start, text.indexOf('</section>', start));
}

describeEachBackend('published records-request documents in the site search', (getStore) => {
  let app: Hono<AppEnv>;
  let clock = new Date('2026-05-15T14:00:00Z');
  let requester: TestClient;
  let request: RequestJson;
  // A word no other record holds, in each file's name; the text inside the files is never indexed.
  const word = (prefix: string) => `${prefix}${randomUUID().slice(0, 8)}`;
  const released = word('inv');
  const embargoed = word('anx');
  const inside = word('ins');
  const search = (q: string) => searchRequestDocuments(getStore().db, getStore().dialect, q, 10);

  beforeAll(async () => {
    const store = getStore();
    app = createCountersignApp({ store, now: () => clock });
    await givenOrganization(store, { id: uniqueId('agency'), name: 'U.S. Immigration and Customs Enforcement', kind: 'government-agency', country: 'US' });
    const { organizationId: vendor } = await givenOrganization(store, { name: 'Factory Spyware Inc.' });
    const stopWork = aScreenedTransaction({ organizationId: vendor, organizationName: 'Factory Spyware Inc.', piid: PIID, event: 'stop-work', transaction: { modification: 'P00001', actionDate: '2024-10-08', amount: 0, description: 'STOP WORK ORDER' } });
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: [stopWork], watchlistVersion: 'w1' }, tx));
    const alert = await store.db.selectFrom('alerts').select('id').where('piid', '=', PIID).executeTakeFirstOrThrow();
    requester = await quickClient(app, store, uniqueId('reporter'), 'contributor');
    const drafted = await requester.request('/api/v1/disclosure-requests', { json: { fromAlert: alert.id } });
    expect(drafted.status).toBe(201);
    const id = ((await drafted.json()) as RequestJson).id;
    expect((await requester.request(`/api/v1/disclosure-requests/${id}/submit`, { json: { receivedAt: '2026-05-15' } })).status).toBe(200);
    const upload = async (fileName: string, embargoUntil: string) => {
      const content = Buffer.from(`${fileName}: invoice for maintenance. ${inside}`);
      const res = await requester.request(`/api/v1/disclosure-requests/${id}/documents`, { json: { fileName, mediaType: 'text/plain', contentBase64: content.toString('base64'), embargoUntil } });
      expect(res.status).toBe(201);
    };
    await upload(`maintenance_${released}-2024.txt`, '2026-06-01');
    await upload(`annex-${embargoed}.txt`, '2026-09-01');
    request = (await (await requester.request(`/api/v1/disclosure-requests/${id}`)).json()) as RequestJson;
  });

  it('finds nothing while the embargo runs, though the file names are on the request page', async () => {
    expect(await search(released)).toEqual([]);
    expect(documentSection((await anonymousClient(app).request(`/search?q=${released}`).then((r) => r.text())))).toBeNull();
    expect(await (await anonymousClient(app).request(`/disclosure-requests/${request.id}`)).text()).toContain(`maintenance_${released}-2024.txt`);
  });

  it('finds a published document by a word of its file name or of its request title — never by its text or while still embargoed', async () => {
    // The week's notice, then the end of the embargo (each tick fires what is due when it starts).
    for (const at of ['2026-05-26T12:00:00Z', '2026-06-02T12:00:00Z']) {
      clock = new Date(at);
      await runTick({ now: clock }, { transaction: (fn) => getStore().transaction(fn), workflows: WORKFLOWS });
    }
    const [hit, ...rest] = await search(released);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ requestId: request.id, fileName: `maintenance_${released}-2024.txt`, requestTitle: request.title, matchedFileName: true });
    // The last word as a prefix, as the registry search reads it.
    expect((await search(`maintenance ${released.slice(0, 5)}`)).map((h) => h.fileName)).toEqual([`maintenance_${released}-2024.txt`]);
    const byTitle = await search(request.title);
    expect(byTitle.map((h) => [h.fileName, h.matchedFileName])).toEqual([[`maintenance_${released}-2024.txt`, false]]);
    expect(await search(embargoed)).toEqual([]);
    expect(await search(inside)).toEqual([]);
  });

  it('lists it on the search page, linked to the file and to the request', async () => {
    const page = await anonymousClient(app).request(`/search?q=${released}`);
    const section = documentSection(await page.text()) ?? '';
    const document = request.documents.find((d) => d.fileName === `maintenance_${released}-2024.txt`);
    expect(section).toContain(`href="/api/v1/disclosure-requests/${request.id}/documents/${document?.id ?? 'missing'}">maintenance_${released}-2024.txt</a>`);
    expect(section).toContain(`href="/disclosure-requests/${request.id}"`);
    expect(section).not.toContain(embargoed);
    // Filters are the registry's: a filtered search lists records only.
    expect(documentSection(await (await anonymousClient(app).request(`/search?q=${released}&type=organization`)).text())).toBeNull();
  });

  it('indexes documents published before the index existed (the migration)', async () => {
    await getStore().db.deleteFrom('searchDocuments').where('recordType', '=', REQUEST_DOCUMENT).execute();
    expect(await search(released)).toEqual([]);
    await requestDocumentsInSearchMigration.up(getStore().db, getStore().dialect);
    expect((await search(released)).map((h) => h.fileName)).toEqual([`maintenance_${released}-2024.txt`]);
    expect(await search(embargoed)).toEqual([]);
  });
});
