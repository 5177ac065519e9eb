import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { createUser, signedInClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

/** The text of the element with this id: enough of the page to say where something appears. */
function section(text: string, headingId: string): string {
  const start = text.indexOf(`id="${headingId}"`);
  if (start < 0) throw new Error(`no section ${headingId}`);
  const end = text.indexOf('</section>', start);
  return text.slice(start, end < 0 ? undefined : end);
}

describeEachBackend('organization page', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'eddie', 'editor');
  });

  it('lists the ICE contract with its award, stop-work order and lift, each with its sources', async () => {
    const page = await new PortalClient(app).get('/organizations/paragon-solutions-us');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const contracts = section(page.text, 'contracts-heading');
    expect(contracts).toContain('href="/contracts/70CTD024P00000012"');
    const rows = [...contracts.matchAll(/<tr class="event-([a-z-]+)">\s*<td[^>]*><time datetime="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['award', '2024-09-27'], ['stop-work', '2024-10-08'], ['stop-work-lifted', '2025-09']]);
    expect(contracts).toContain('Stop-work order lifted');
    expect(contracts).toContain('USD 2,000,000');
    const sources = section(page.text, 'sources-heading');
    for (const title of ["ICE's $2 Million Contract With a Spyware Vendor Is Under White House Review", 'Letter to the Secretary of Homeland Security', 'Report on the reactivation of ICE']) {
      expect(sources).toContain(title.replace(/'/g, '&#39;'));
    }
    expect(sources).toContain('href="/sources/msnbc-2025-09"');
  });

  it('shows names, identifiers, the parent company, the status badge and the change history', async () => {
    const page = await new PortalClient(app).get('/organizations/paragon-solutions-us');
    expect(page.text).toContain('<h1>Paragon Solutions (US) Inc. <span class="status status-documented"');
    expect(page.text).toContain('<code>NW6QFTZACWM7</code>');
    expect(section(page.text, 'relationships-heading')).toMatch(/Subsidiary of<\/td>\s*<td[^>]*><a href="\/organizations\/paragon-solutions">Paragon Solutions Ltd\.<\/a>/);
    expect(section(page.text, 'history-heading')).toMatch(/Record created \([0-9]+ fields\)/);
    expect(section(page.text, 'history-heading')).toContain('<th scope="row">Kind of organization</th>');
    const parent = await new PortalClient(app).get('/organizations/paragon-solutions');
    expect(parent.text).toContain('Also known as');
    expect(section(parent.text, 'relationships-heading')).toContain('Acquired by');
    expect(section(parent.text, 'products-heading')).toContain('href="/products/graphite"');
    expect(section(parent.text, 'incidents-heading')).toContain('href="/incidents/graphite-italy-2025"');
  });

  it("shows Intellexa S.A.'s Entity List listing of 18 July 2023 and its OFAC SDN listing of 5 March 2024", async () => {
    const page = await new PortalClient(app).get('/organizations/intellexa-sa');
    // Its own designations, before those of its consortium partners.
    const timeline = section(page.text, 'designations-heading').split('Designations of subsidiaries and affiliates')[0] ?? '';
    const events = [...timeline.matchAll(/<span class="event-kind">(\w+)<\/span>\s*<time datetime="([^"]+)">[^<]*<\/time>\s*<span class="designation-list"><abbr[^>]*data-code="([A-Z-]+)">([^<]+)<\/abbr> ([^<]+)<\/span>/g)].map((m) => m.slice(1));
    expect(events).toEqual([
      ['Listed', '2023-07-18', 'US-BIS', 'US Commerce (BIS)', 'Entity List'],
      ['Listed', '2024-03-05', 'US-OFAC', 'US Treasury (OFAC)', 'Specially Designated Nationals (SDN) List'],
    ]);
    expect(timeline).toContain('18 July 2023');
  });

  it('shows a delisting on the timeline after the listing, and on the home page', async () => {
    const editor = await signedInClient(app, 'eddie');
    const res = await editor.request('/api/v1/designations/coseinc--us-bis--entity-list--2021-11-03/delisting', { json: { delisted: '2026-02-01', reason: 'removed by final rule', sources: ['commerce-2021-11-03'] } });
    expect(res.status).toBe(200);
    const page = await new PortalClient(app).get('/organizations/coseinc');
    const timeline = section(page.text, 'designations-heading');
    const kinds = [...timeline.matchAll(/<li class="timeline-(listed|delisted)">[\s\S]*?datetime="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(kinds).toEqual([['listed', '2021-11-03'], ['delisted', '2026-02-01']]);
    expect(timeline).toContain('removed by final rule');
    const home = await new PortalClient(app).get('/');
    expect(section(home.text, 'latest-designations')).toMatch(/<li class="timeline-delisted">[\s\S]*?datetime="2026-02-01"[\s\S]*?Computer Security Initiative Consultancy/);
  });

  it("shows the ICE contract 70CTD024P00000012 on Paragon Solutions' page, via its subsidiary Paragon Solutions (US) Inc.", async () => {
    const page = await new PortalClient(app).get('/organizations/paragon-solutions');
    const contracts = section(page.text, 'contracts-heading');
    expect(contracts).not.toContain('No contracts recorded');
    expect(contracts).toMatch(/<a href="\/contracts\/70CTD024P00000012">Contract 70CTD024P00000012<\/a><\/h3>\s*<p class="via-line"><span class="via">via its subsidiary <a href="\/organizations\/paragon-solutions-us">Paragon Solutions \(US\) Inc\.<\/a><\/span>/);
    expect(page.text).toMatch(/<svg [^>]*role="group" aria-labelledby="relationship-graph-title relationship-graph-desc"/);
  });

  describe('an unknown or malformed id', () => {
    it('answers with the 404 page', async () => {
      for (const path of ['/organizations/no-such-org', '/organizations/NOT_AN_ID']) {
        const page = await new PortalClient(app).get(path);
        expect(page.status).toBe(404);
        expect(page.text).toContain('<h1>Not found</h1>');
      }
    });
  });
});
