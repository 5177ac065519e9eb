import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../../test/support/contexts.js';
import { SYSTEM } from '../../accounts/actor.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { transition } from '../../kernel/workflow/transition.js';
import { applyForExportLicense } from '../../oversight/export-licenses/apply-for-export-license.js';
import { exportLicenseWorkflow } from '../../oversight/export-licenses/export-license-workflow.js';
import type { AppEnv } from '../../server/app-env.js';
import type { Store } from '../../store/store.js';
import { PortalClient } from '../testing/portal-client.js';

/** The export-licence section of a page, or null when the page has none. */
function licenceSection(text: string): string | null {
  const start = text.indexOf('id="export-licenses-heading"');
  if (start < 0) return null;
  return text.slice(start, text.indexOf('</section>', start));
}

describeEachBackend('export licences on organisation pages', (getStore) => {
  let app: Hono<AppEnv>;
  const source = uniqueId('source');
  const vendor = uniqueId('vendor');
  const ministry = uniqueId('ministry');
  const broker = uniqueId('broker');
  const police = uniqueId('police');
  const bystander = uniqueId('bystander');
  const agency = uniqueId('agency');
  const licences: Record<'sold' | 'bought' | 'elsewhere', string> = { sold: '', bought: '', elsewhere: '' };

  async function apply(store: Store, exporter: string, endUser: string, item: string, destination: string, on: string): Promise<string> {
    const application = { exporter, endUser, item, eccn: '5A001.j', endUse: 'Lawful interception', destination, licensingAgency: agency };
    return (await store.transaction((tx) => applyForExportLicense({ ctx: contextFor(SYSTEM, new Date(on)), application }, tx))).case.id;
  }

  beforeAll(async () => {
    const store = getStore();
    const org = (id: string, name: string, kind: string, country: string) => ({ id, name, kind, country, sources: [source] });
    await givenRecords(store, {
      sources: [{ id: source, title: 'Factory licensing report', publisher: 'Factory Press', date: '2026-01-01' }],
      organizations: [
        org(vendor, 'Factory Interception Ltd.', 'vendor', 'GB'), org(ministry, 'Factory Ministry of the Interior', 'government-agency', 'NO'),
        org(broker, 'Factory Broker S.A.', 'vendor', 'GR'), org(police, 'Factory Police Directorate', 'government-agency', 'GR'),
        org(bystander, 'Factory Bystander Inc.', 'vendor', 'US'), org(agency, 'Factory Licensing Bureau', 'government-agency', 'US'),
      ],
    });
    licences.sold = await apply(store, vendor, ministry, 'Monitoring centre', 'NO', '2026-03-01T10:00:00Z');
    await store.transaction((tx) => transition({ ctx: contextFor(SYSTEM, new Date('2026-03-02T10:00:00Z')), workflow: exportLicenseWorkflow, id: licences.sold, action: 'review', input: { note: 'Taken up' } }, tx));
    licences.bought = await apply(store, broker, vendor, 'Interception probe', 'GB', '2026-04-01T10:00:00Z');
    licences.elsewhere = await apply(store, broker, police, 'Mobile forensics kit', 'GR', '2026-05-01T10:00:00Z');
    app = createCountersignApp({ store });
  });

  it('lists the licences the organisation exports under and is the end user of, linked, with status labels', async () => {
    const section = licenceSection((await new PortalClient(app).get(`/organizations/${vendor}`)).text);
    expect(section).not.toBeNull();
    const body = (section ?? '').slice((section ?? '').indexOf('<tbody>'));
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? '');
    // Newest application first: the probe it buys, then the centre it sells.
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`<a href="/export-licenses/${licences.bought}">Interception probe</a>`);
    expect(rows[0]).toMatch(/>End user</);
    expect(rows[0]).toContain(`<a href="/organizations/${broker}">Factory Broker S.A.</a>`);
    expect(rows[0]).toMatch(/>Applied</);
    expect(rows[1]).toContain(`<a href="/export-licenses/${licences.sold}">Monitoring centre</a>`);
    expect(rows[1]).toMatch(/>Exporter</);
    expect(rows[1]).toContain(`<a href="/organizations/${ministry}">Factory Ministry of the Interior</a>`);
    expect(rows[1]).toContain('Norway');
    expect(rows[1]).toMatch(/>Under review</);
    // Labels, never the workflow's slugs; and nothing of a licence between other parties.
    expect(section).not.toMatch(/>(applied|under-review)</);
    expect(section).not.toContain(licences.elsewhere);
  });

  it("shows the end user's side, and no section on the page of an organisation that is party to none", async () => {
    const ministryPage = licenceSection((await new PortalClient(app).get(`/organizations/${ministry}`)).text) ?? '';
    expect(ministryPage).toContain(`href="/export-licenses/${licences.sold}"`);
    expect(ministryPage).toMatch(/>End user</);
    expect(ministryPage).toContain(`<a href="/organizations/${vendor}">Factory Interception Ltd.</a>`);
    expect(ministryPage).not.toContain(licences.bought);
    const bystanderPage = await new PortalClient(app).get(`/organizations/${bystander}`);
    expect(bystanderPage.status).toBe(200);
    expect(licenceSection(bystanderPage.text)).toBeNull();
  });

  it('shows a new licence on a page an anonymous reader has already seen (the page cache empties on the change)', async () => {
    expect(licenceSection((await new PortalClient(app).get(`/organizations/${police}`)).text)).toContain(licences.elsewhere);
    const later = await apply(getStore(), vendor, police, 'Second monitoring centre', 'GR', '2026-06-01T10:00:00Z');
    const section = licenceSection((await new PortalClient(app).get(`/organizations/${police}`)).text) ?? '';
    expect(section).toContain(`href="/export-licenses/${later}"`);
    expect(section).toContain(licences.elsewhere);
  });
});
