import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenOrganization, givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import { aScreenedTransaction } from '../../procurement/testing/screened-transaction-factory.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { acceptChange } from '../../registry/commands/review-change.js';
import type { AppEnv } from '../../server/app-env.js';
import { serverSettings } from '../../server/server-settings.js';
import { PortalClient } from '../testing/portal-client.js';

const PUBLIC = 'https://countersign.example.org';

describeEachBackend('per-organisation Atom feeds', (getStore) => {
  let app: Hono<AppEnv>;
  let organizationId: string;
  let quiet: string;
  beforeAll(async () => {
    const store = getStore();
    const given = await givenOrganization(store, { country: 'IL' });
    organizationId = given.organizationId;
    quiet = (await givenOrganization(store)).organizationId;
    await givenRecords(store, {
      incidents: [{ id: uniqueId('incident'), title: 'Journalists targeted in Italy', date: '2025-01', countries: ['IT'], vendor: organizationId, sources: [given.sourceId] }],
      designations: [{ subject: organizationId, authority: 'US-OFAC', list: 'SDN', listed: '2024-03-05', sources: [given.sourceId] }],
    });
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, watchlistVersion: 'w', screened: [aScreenedTransaction({ organizationId, organizationName: 'Feed Vendor Ltd.', piid: uniqueId('70FEED').toUpperCase(), event: 'stop-work' })] }, tx));
    const change = await store.transaction((tx) => proposeChange({ ctx: contextFor(actorWithRole('analyst'), new Date()), proposal: { action: 'upsert', recordType: 'organization', record: { id: organizationId, name: `Vendor ${organizationId}`, kind: 'vendor', country: 'CY', sources: [given.sourceId] } } }, tx));
    await store.transaction((tx) => acceptChange({ ctx: contextFor(actorWithRole('editor'), new Date(Date.now() + 1000)), changeId: change.id }, tx));
    // The request arrives under another host name: the feed must not take it.
    app = createCountersignApp({ store, settings: serverSettings({ publicUrl: new URL(PUBLIC) }) });
  });

  it('carries the vendor’s alerts, incidents, designations and changes, with ids and links from the public URL', async () => {
    const res = await app.request(`http://attacker.example/organizations/${organizationId}/feed.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toContain(`<id>${PUBLIC}/organizations/${organizationId}/feed.atom</id>`);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${PUBLIC}/organizations/${organizationId}"/>`);
    expect(xml).not.toContain('attacker.example');
    expect(xml).toMatch(/<title>Stop-work order: Feed Vendor Ltd\., contract 70FEED/);
    expect(xml).toMatch(new RegExp(`href="${PUBLIC}/alerts/[0-9a-f-]{36}"`));
    expect(xml).toContain('<title>Incident: Journalists targeted in Italy</title>');
    expect(xml).toContain(`<title>Designated: Vendor ${organizationId} — US Treasury (OFAC), Specially Designated Nationals (SDN) List</title>`);
    // The change reads field by field, in words: Israel → Cyprus, not IL → CY.
    expect(xml).toContain('Country: Israel → Cyprus');
    expect(xml).not.toContain('<updated>1970');
    const updated = [...xml.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1] ?? '');
    expect(updated[0]).toBe([...updated.slice(1)].sort().at(-1));
  });

  it('is linked from the organisation page, and a quiet organisation’s feed is never dated 1970', async () => {
    const page = await new PortalClient(app).get(`/organizations/${organizationId}`);
    expect(page.text).toContain(`<link rel="alternate" type="application/atom+xml" href="/organizations/${organizationId}/feed.atom"`);
    expect(page.text).toContain(`<a href="/organizations/${organizationId}/feed.atom" type="application/atom+xml">Follow`);
    const xml = await (await app.request(`http://localhost/organizations/${quiet}/feed.atom`)).text();
    expect(xml).toContain('<title>Record created');
    expect(xml).not.toContain('1970');
    expect((await app.request('http://localhost/organizations/no-such-org/feed.atom')).status).toBe(404);
    expect((await app.request('http://localhost/organizations/BAD%20ID/feed.atom')).status).toBe(404);
  });
});
