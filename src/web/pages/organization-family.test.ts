import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { RegistryFactory } from '../../../test/support/registry-factory.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

function section(text: string, headingId: string): string {
  const start = text.indexOf(`id="${headingId}"`);
  if (start < 0) throw new Error(`no section ${headingId}`);
  const end = text.indexOf('</section>', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The text of a page without its tags, to read what a person reads. */
function words(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describeEachBackend('organization pages roll up a corporate family', (getStore) => {
  let app: Hono<AppEnv>;
  const ids = { owner: '', parent: '', subsidiary: '', component: '', sibling: '', affiliate: '', investor: '', officer: '', agency: '' };
  beforeAll(async () => {
    const data = new RegistryFactory('family');
    ids.owner = data.organization({ name: 'Owner Capital LP', kind: 'investor', country: 'US' });
    ids.parent = data.organization({ name: 'Parent Holdings Ltd.', country: 'IL' });
    ids.subsidiary = data.organization({ name: 'Subsidiary Inc.', country: 'US' });
    ids.sibling = data.organization({ name: 'Sibling GmbH', country: 'DE' });
    ids.affiliate = data.organization({ name: 'Affiliate SA', country: 'GR' });
    ids.investor = data.organization({ name: 'Minority Investor', kind: 'investor' });
    ids.agency = data.organization({ name: 'A Buying Agency', kind: 'government-agency', country: 'US' });
    ids.component = data.organization({ name: 'Component Labs', parent: ids.subsidiary });
    ids.officer = data.person({ name: 'An Officer', nationality: 'IL' });
    data.relationship(ids.owner, 'acquired', ids.parent, { date: '2024-12' });
    data.relationship(ids.subsidiary, 'subsidiary-of', ids.parent, { date: '2019-03' });
    data.relationship(ids.sibling, 'subsidiary-of', ids.parent);
    data.relationship(ids.affiliate, 'affiliate-of', ids.parent);
    data.relationship(ids.investor, 'invested-in', ids.parent, { date: '2020' });
    data.relationship(ids.officer, 'officer-of', ids.parent, { date: '2021-06', end: '2023' });
    // A cycle: the component is also recorded as having acquired its own parent. The walk must still end.
    data.relationship(ids.component, 'acquired', ids.subsidiary);
    data.designation(ids.affiliate, { listed: '2023-07-18' });
    const product = data.product(ids.subsidiary, { name: 'Spyglass', capabilities: [] });
    data.incident({ title: 'Spyglass against a reporter', date: '2024-05', countries: ['IT'], targetCategories: ['migrant-rights-advocate'], products: [product] });
    data.contract({
      piid: 'FAMILY0001', buyer: ids.agency, recipient: ids.component,
      transactions: [{ event: 'award', date: '2024-01-10', amount: 1_500_000 }, { event: 'stop-work-lifted', date: '2024-06-01', modification: 'P00001', amount: -250_000 }],
    });
    data.contract({ piid: 'FAMILY0002', buyer: ids.agency, recipient: ids.sibling, transactions: [{ event: 'award', date: '2024-02-01', amount: 10 }] });
    await data.load(getStore());
    app = createCountersignApp({ store: getStore() });
  });

  it("shows a subsidiary's subsidiary's contract on the parent's page, labelled with the whole path", async () => {
    const page = await new PortalClient(app).get(`/organizations/${ids.parent}`);
    expect(page.status).toBe(200);
    const contracts = words(section(page.text, 'contracts-heading'));
    expect(contracts).toContain('Contract FAMILY0001 via its subsidiary Subsidiary Inc. → component Component Labs');
    expect(contracts).toContain('Contract FAMILY0002 via its subsidiary Sibling GmbH');
    expect(contracts).not.toContain('No contracts recorded');
  });

  it("shows an affiliate's designation and a subsidiary's product's incident, each via that company, with labels not codes", async () => {
    const page = await new PortalClient(app).get(`/organizations/${ids.parent}`);
    const designations = words(section(page.text, 'designations-heading'));
    expect(designations).toContain('Designations of subsidiaries and affiliates');
    expect(designations).toMatch(/Listed 18 July 2023 US Commerce \(BIS\) Entity List via its affiliate Affiliate SA/);
    const incidents = words(section(page.text, 'incidents-heading'));
    expect(incidents).toContain('Spyglass against a reporter');
    expect(incidents).toContain('Italy · Migrant-rights advocate');
    expect(incidents).toContain('via its subsidiary Subsidiary Inc.');
    expect(words(page.text)).toContain('Country Israel');
  });

  it("does not gather a parent's other holdings onto a subsidiary's page, but names its parents", async () => {
    const page = await new PortalClient(app).get(`/organizations/${ids.subsidiary}`);
    const contracts = words(section(page.text, 'contracts-heading'));
    expect(contracts).toContain('FAMILY0001');
    expect(contracts).not.toContain('FAMILY0002');
    expect(words(section(page.text, 'designations-heading'))).not.toContain('Affiliate SA');
    const family = words(section(page.text, 'relationships-heading'));
    expect(family).toContain('via its parent company Parent Holdings Ltd.');
    expect(family).toContain('via its parent company Parent Holdings Ltd. → parent company Owner Capital LP');
    expect(family).not.toContain('Sibling GmbH');
  });

  it('draws the ownership graph with every party a link and the relationship dates, and the obligations and the timeline', async () => {
    const page = await new PortalClient(app).get(`/organizations/${ids.parent}`);
    const relationships = section(page.text, 'relationships-heading');
    for (const id of [ids.owner, ids.subsidiary, ids.component, ids.affiliate, ids.investor]) expect(relationships).toContain(`<a href="/organizations/${id}" class="graph-node`);
    expect(relationships).toContain(`<a href="/people/${ids.officer}" class="graph-node graph-node-person">`);
    expect(relationships).toContain('officer · 2021–2023');
    expect(relationships).toContain('acquisition · 2024–');
    expect(relationships).toMatch(/<title>An Officer — officer — Parent Holdings Ltd\. \(from June 2021 until 2023\)<\/title>/);
    const contracts = section(page.text, 'contracts-heading');
    expect(contracts).toMatch(/<desc id="obligations-received-desc">Running total of 3 obligations from 10 January 2024 to 1 June 2024: USD 1,250,010 in all\./);
    expect(section(page.text, 'timeline-heading')).toMatch(/<desc id="record-timeline-desc">[^<]*\(designations: 1, incidents: 1, contracts: 3\)/);
  });

  it("shows the buying agency's obligations as its own chart", async () => {
    const page = await new PortalClient(app).get(`/organizations/${ids.agency}`);
    const contracts = section(page.text, 'contracts-heading');
    expect(contracts).toContain('<title id="obligations-awarded-title">Obligations by A Buying Agency over time</title>');
    expect(contracts).not.toContain('obligations-received');
  });
});
