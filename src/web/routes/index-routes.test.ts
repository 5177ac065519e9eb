import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { RegistryFactory } from '../../../test/support/registry-factory.js';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

/** The record links in an index table's first column, in order. */
function rowLinks(text: string): string[] {
  return [...text.matchAll(/<tr[^>]*>\s*<td data-label="[^"]+"><a href="([^"]+)">/g)].map((m) => m[1] ?? '');
}

/** The href of a download link on the page, as a path. */
function download(text: string, format: string): string {
  const match = new RegExp(`href="(/api/v1/export\\?format=${format}[^"]*)"`).exec(text);
  if (!match?.[1]) throw new Error(`no ${format} download link`);
  return match[1].replaceAll('&amp;', '&');
}

describeEachBackend('index pages', (getStore) => {
  let app: Hono<AppEnv>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const data = new RegistryFactory('idx');
    ids['listed'] = data.organization({ name: 'Alpha Listed Ltd.', country: 'IL' });
    ids['plain'] = data.organization({ name: 'Beta Plain Ltd.', country: 'IL' });
    ids['agency'] = data.organization({ name: 'Gamma Agency', country: 'GB', kind: 'government-agency' });
    data.designation(ids['listed'], { listed: '2021-11-03' });
    for (let n = 0; n < 30; n += 1) data.organization({ name: `Zeta Filler ${String(n).padStart(2, '0')}`, country: 'FR' });
    const product = data.product(ids['listed'], { name: 'Snooper', capabilities: [] });
    ids['italy'] = data.incident({ title: 'Snooper found in Italy', date: '2024-03', countries: ['IT'], products: [product] });
    ids['spain'] = data.incident({ title: 'Snooper found in Spain', date: '2022-05-01', countries: ['ES'], products: [product] });
    await data.load(getStore());
    await givenRecords(getStore(), {
      sources: [
        { id: 'idx-linked', title: 'A linked report', publisher: 'Press', date: '2023-01-02', url: 'https://example.org/report' },
        { id: 'idx-unlinked', title: 'A report nobody can open', publisher: 'Press', date: '2023-02', noLinkReason: 'Only a summary of several reports.' },
      ],
      policies: [{ id: 'idx-policy', title: 'An order on spyware', jurisdiction: 'US', date: '2023-03-27', sources: ['idx-linked'] }],
    });
    app = createCountersignApp({ store: getStore() });
  });

  it('answers on every index, with a heading and download links', async () => {
    for (const path of ['/organizations', '/people', '/products', '/incidents', '/contracts', '/sources', '/policies']) {
      const page = await new PortalClient(app).get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain(`/api/v1/export?format=csv&amp;type=${path.slice(1)}`);
    }
  });

  it('filters organisations by country and designating authority, showing labels rather than codes', async () => {
    const israel = await new PortalClient(app).get('/organizations?country=IL');
    expect(rowLinks(israel.text)).toEqual([`/organizations/${ids['listed']}`, `/organizations/${ids['plain']}`]);
    expect(israel.text).toContain('<td data-label="Country">Israel</td>');
    expect(israel.text).toContain('<option value="IL" selected>Israel</option>');
    const listed = await new PortalClient(app).get('/organizations?authority=US-BIS');
    expect(rowLinks(listed.text)).toEqual([`/organizations/${ids['listed']}`]);
    expect(listed.text).toMatch(/<td data-label="Designated by">[^<]*<abbr[^>]*>|<td data-label="Designated by">US Commerce/);
    const agencies = await new PortalClient(app).get('/organizations?kind=government-agency');
    expect(rowLinks(agencies.text)).toEqual([`/organizations/${ids['agency']}`]);
    expect(agencies.text).toContain('<td data-label="Kind">Government agency</td>');
  });

  it('sorts and pages', async () => {
    const first = await new PortalClient(app).get('/organizations?sort=name&order=desc');
    expect(rowLinks(first.text)).toHaveLength(25);
    expect(first.text.indexOf('Zeta Filler 29')).toBeLessThan(first.text.indexOf('Zeta Filler 28'));
    expect(first.text).toContain('1–25 of 33');
    const second = await new PortalClient(app).get('/organizations?sort=name&order=desc&offset=25');
    expect(rowLinks(second.text)).toHaveLength(8);
    expect(rowLinks(second.text).at(-1)).toBe(`/organizations/${ids['listed']}`);
  });

  it('filters incidents by target country and by date range (reduced dates included)', async () => {
    expect(rowLinks((await new PortalClient(app).get('/incidents?country=IT')).text)).toEqual([`/incidents/${ids['italy']}`]);
    expect(rowLinks((await new PortalClient(app).get('/incidents?from=2023&to=2024-03')).text)).toEqual([`/incidents/${ids['italy']}`]);
    expect(rowLinks((await new PortalClient(app).get('/incidents?to=2022')).text)).toEqual([`/incidents/${ids['spain']}`]);
    expect(rowLinks((await new PortalClient(app).get('/incidents?sort=date&order=asc')).text)).toEqual([`/incidents/${ids['spain']}`, `/incidents/${ids['italy']}`]);
  });

  it('counts and lists the sources with neither a link nor an archived copy', async () => {
    const all = await new PortalClient(app).get('/sources');
    expect(all.text).toContain('https://example.org/report');
    // The factory's own source (idx-source-1) has no link either.
    expect(all.text).toMatch(/>2 sources have neither a link nor an archived copy</);
    const neither = await new PortalClient(app).get('/sources?available=neither');
    expect(rowLinks(neither.text).sort()).toEqual(['/sources/idx-source-1', '/sources/idx-unlinked']);
    expect(neither.text).toContain('neither a link nor a copy');
  });

  it('downloads exactly what is filtered, as CSV, NDJSON and FtM', async () => {
    const page = await new PortalClient(app).get('/organizations?country=IL&sort=name');
    const csv = await app.request(`http://localhost${download(page.text, 'csv')}`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([ids['listed'], ids['plain']].sort());
    const ndjson = await (await app.request(`http://localhost${download(page.text, 'ndjson')}`)).text();
    expect(ndjson.trim().split('\n').map((l) => (JSON.parse(l) as { record: { id: string } }).record.id).sort()).toEqual([ids['listed'], ids['plain']].sort());
    const ftm = await (await app.request(`http://localhost${download(page.text, 'ftm')}`)).text();
    expect(ftm.trim().split('\n')).toHaveLength(2);
    const sources = await (await app.request('http://localhost/api/v1/export?format=csv&type=sources&available=neither')).text();
    expect(sources.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['idx-source-1', 'idx-unlinked']);
  });

  it('refuses a filter the index does not have, naming it, and a range that ends before it starts', async () => {
    const kind = await new PortalClient(app).get('/incidents?kind=vendor');
    expect(kind.status).toBe(400);
    expect(kind.text).toContain('kind');
    expect((await new PortalClient(app).get('/incidents?from=2025&to=2024')).status).toBe(400);
    expect((await new PortalClient(app).get('/organizations?country=Italy')).status).toBe(400);
    const exported = await app.request('http://localhost/api/v1/export?format=csv&type=products&country=IT');
    expect(exported.status).toBe(400);
    expect(await exported.text()).toContain('country');
  });
});
