import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { projectRoot } from '../../core/project-root.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

const fixture = (dir: string, name: string): Uint8Array => readFileSync(join(projectRoot(), 'test', 'fixtures', dir, name));

describeEachBackend('upload pages: import and investor exposure', (getStore) => {
  let app: Hono<AppEnv>;
  let admin: PortalClient;
  beforeAll(async () => {
    const store = getStore();
    await givenRecords(store, {
      sources: [{ id: 'up-src', title: 'A filing' }],
      organizations: [
        { id: 'up-marrow', name: 'Marrow Holdings plc', kind: 'investor', identifiers: { cusip: '99999A102' }, sources: ['up-src'] },
        { id: 'up-corvid', name: 'Corvid Signals Limited', kind: 'vendor', sources: ['up-src'] },
      ],
      relationships: [{ from: 'up-marrow', type: 'owner-of', to: 'up-corvid', sources: ['up-src'] }],
      designations: [{ subject: 'up-corvid', authority: 'US-BIS', list: 'Entity List', listed: '2024-03-05', sources: ['up-src'] }],
    });
    app = createCountersignApp({ store });
    await createUser(store, 'root', 'admin');
    await createUser(store, 'eddie', 'editor');
    admin = new PortalClient(app);
    await admin.signIn('root', TEST_PASSWORD);
  });

  it('lets only admins import, dry run first, with the report as a table', async () => {
    const editor = new PortalClient(app);
    await editor.signIn('eddie', TEST_PASSWORD);
    expect((await editor.get('/admin/import')).status).toBe(403);
    const form = await admin.get('/admin/import');
    expect(form.text).toContain('enctype="multipart/form-data"');
    const before = await getStore().db.selectFrom('organizations').select('id').execute();
    const dry = await admin.postUpload('/admin/import', { format: 'sii', dryRun: '1' }, { name: 'companies.json', bytes: fixture('imports', 'sii-companies.json') });
    expect(dry.status).toBe(200);
    expect(dry.text).toContain('Dry run: nothing was written');
    expect(dry.text).toContain('<code>companies.json:2</code>');
    expect(await getStore().db.selectFrom('organizations').select('id').execute()).toEqual(before);
    const real = await admin.postUpload('/admin/import', { format: 'sii' }, { name: 'companies.json', bytes: fixture('imports', 'sii-companies.json') });
    expect(real.text).toContain('<h2 id="report-heading">Imported</h2>');
    expect(real.text).toContain('href="/organizations/up-corvid"');
  });

  it('shows a malformed file on the form with its place named (400), and refuses an upload without the CSRF token', async () => {
    const bad = await admin.postUpload('/admin/import', { format: 'atlas' }, { name: 'x.csv', bytes: new TextEncoder().encode('name\n"unclosed\n') });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('line 2: a quoted field is never closed');
    expect((await admin.postUpload('/admin/import', { format: 'sii' }, { name: 'c.json', bytes: fixture('imports', 'sii-companies.json') }, { withCsrf: false })).status).toBe(403);
  });

  it('checks a fund\'s 13F holdings for anyone, as a page with the chain or as a PDF', async () => {
    const reader = new PortalClient(app);
    expect((await reader.get('/exposure')).status).toBe(200);
    const page = await reader.postUpload('/exposure', { output: 'page' }, { name: 'infotable.xml', bytes: fixture('exposure', '13f-information-table.xml') });
    expect(page.status).toBe(200);
    expect(page.text).toContain('tied to designated vendors or documented abuse</strong>');
    expect(page.text).toContain('Marrow Holdings plc owns Corvid Signals Limited');
    expect(page.text).toMatch(/Entity List by .+ on 2024-03-05/);
    const pdf = await reader.postUpload('/exposure', { output: 'pdf' }, { name: 'infotable.xml', bytes: fixture('exposure', '13f-information-table.xml') });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="exposure-infotable.pdf"');
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    const bad = await reader.postUpload('/exposure', {}, { name: 'bad.xml', bytes: new TextEncoder().encode('<informationTable><infoTable>') });
    expect(bad.status).toBe(400);
  });

  it('takes uploads larger than 1 MiB on the upload paths only', async () => {
    const big = new TextEncoder().encode(`name,cusip\n${'Unrelated Widgets Inc,55555D104\n'.repeat(40_000)}`);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect((await new PortalClient(app).postUpload('/exposure', {}, { name: 'big.csv', bytes: big })).status).toBe(200);
    expect((await new PortalClient(app).postUpload('/tips/new', {}, { name: 'big.csv', bytes: big })).status).toBe(413);
  });
});
