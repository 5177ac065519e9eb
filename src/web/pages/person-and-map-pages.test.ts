import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { RegistryFactory } from '../../../test/support/registry-factory.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

function words(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describeEachBackend('people linked to organisations, and the world maps', (getStore) => {
  let app: Hono<AppEnv>;
  const ids = { person: '', consortium: '', vendor: '', source: '' };
  beforeAll(async () => {
    const data = new RegistryFactory('people');
    ids.source = data.sourceId;
    ids.consortium = data.organization({ name: 'Consortium Ltd.', country: 'IE' });
    ids.vendor = data.organization({ name: 'Vendor AD', country: 'MK' });
    ids.person = data.person({ name: 'A Founder', nationality: 'IL' });
    data.relationship(ids.person, 'founder-of', ids.consortium, { date: '2019' });
    data.relationship(ids.person, 'officer-of', ids.vendor, { date: '2020-01-15', end: '2023-06' });
    data.designation(ids.person, { authority: 'US-OFAC', list: 'SDN', listed: '2024-03-05' });
    data.designation(ids.vendor, { listed: '2023-07-18' });
    data.designation(ids.consortium, { listed: '2023-07-18', delisted: '2025-01' });
    data.incident({ title: 'In Bahrain and Italy', date: '2021', countries: ['BH', 'IT'], targetCategories: ['human-rights-defender'] });
    data.incident({ title: 'In Italy', date: '2025', countries: ['IT'], targetCategories: ['journalist'] });
    await data.load(getStore());
    app = createCountersignApp({ store: getStore() });
  });

  it("links a person to each organisation, with the relationship's dates and sources, in a table and a graph", async () => {
    const page = await new PortalClient(app).get(`/people/${ids.person}`);
    expect(page.status).toBe(200);
    const text = words(page.text);
    expect(text).toContain('Nationality Israel');
    expect(page.text).toMatch(new RegExp(`<td data-label="Relationship">Founder of</td>\\s*<td data-label="With"><a href="/organizations/${ids.consortium}">Consortium Ltd\\.</a></td>\\s*<td data-label="Since"><time datetime="2019">2019</time>`));
    expect(page.text).toMatch(new RegExp(`<td data-label="Relationship">Officer of</td>\\s*<td data-label="With"><a href="/organizations/${ids.vendor}">Vendor AD</a></td>\\s*<td data-label="Since"><time datetime="2020-01-15">15 January 2020</time></td>\\s*<td data-label="Until"><time datetime="2023-06">June 2023</time>`));
    expect(page.text).toContain(`href="/sources/${ids.source}"`);
    expect(page.text).toContain(`<a href="/organizations/${ids.vendor}" class="graph-node graph-node-other">`);
    expect(page.text).toContain('officer · 2020–2023');
  });

  it("shows the person on the organisation's page, and the organisation's graph links back", async () => {
    const page = await new PortalClient(app).get(`/organizations/${ids.vendor}`);
    expect(page.text).toMatch(new RegExp(`<td data-label="Relationship">Officer:</td>\\s*<td data-label="With"><a href="/people/${ids.person}">A Founder</a>`));
    expect(page.text).toContain(`<a href="/people/${ids.person}" class="graph-node graph-node-person">`);
  });

  it('maps designations by the country of their subject on /designations, following the filters', async () => {
    const all = await new PortalClient(app).get('/designations');
    const desc = /<desc id="designation-map-desc">([^<]*)<\/desc>/.exec(all.text)?.[1] ?? '';
    expect(desc).toContain('Ireland 1');
    expect(desc).toContain('North Macedonia 1');
    expect(desc).toContain('Israel 1');
    expect(all.text).toMatch(/<svg [^>]*role="img" aria-labelledby="designation-map-title designation-map-desc"/);
    expect(all.text).toMatch(/<image href="\/maps\/world\.svg\?v=[0-9a-f]{12}"/);
    const inForce = await new PortalClient(app).get('/designations?state=in-force');
    expect(/<desc id="designation-map-desc">([^<]*)<\/desc>/.exec(inForce.text)?.[1]).not.toContain('Ireland');
  });

  it('maps incidents by target country on the home page, small countries as symbols too', async () => {
    const home = await new PortalClient(app).get('/');
    const map = home.text.slice(home.text.indexOf('<figure class="chart world-map" id="incident-map">'));
    expect(map).toMatch(/<desc id="incident-map-desc">[^<]*Italy 2, Bahrain 1\.<\/desc>/);
    // Bahrain is too small for the 1:110m shapes: no shaded shape, but a symbol with its name.
    expect(map).toMatch(/<circle [^>]*><title>Bahrain: 1 incident<\/title><\/circle>/);
    expect(map).not.toMatch(/<path [^>]*><title>Bahrain/);
    expect(map).toMatch(/<path d="M[^"]+" class="map-country map-level-4"[^>]*><title>Italy: 2 incidents<\/title>/);
    expect(map).toContain('<th scope="row">Italy</th><td class="amount">2</td>');
  });

  it('serves the base map once, cacheable for a year under its version', async () => {
    const home = await new PortalClient(app).get('/');
    const src = /<image href="(\/maps\/world\.svg\?v=[0-9a-f]+)"/.exec(home.text)?.[1] ?? '';
    const res = await app.request(`http://localhost${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 960 \d+"/);
    expect(svg.length).toBeGreaterThan(20_000);
  });
});
