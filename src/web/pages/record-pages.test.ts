import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { createApp } from '../../server/create-app.js';
import { mountPortal, renderPortalError, type TransparencyLogEntry } from '../mount-portal.js';
import { PortalClient } from '../testing/portal-client.js';

describeEachBackend('person, product, incident, contract and source pages', (getStore) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
  });

  it('shows a person with their designation and sources', async () => {
    const page = await new PortalClient(app).get('/people/tal-dilian');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Tal Jonathan Dilian');
    expect(page.text).toMatch(/Listed<\/span>\s*<time datetime="2024-03-05">/);
    expect(page.text).toContain('href="/sources/treasury-2024-03-05"');
    // Issue #13: the people are linked to organisations through dated, sourced relationships.
    expect(page.text).toMatch(/Founder of<\/td>\s*<td data-label="With"><a href="\/organizations\/intellexa-consortium">Intellexa Consortium<\/a>/);
    expect(page.text).toMatch(/described as of<\/span> <time datetime="2024-03-05">/);
  });

  it('shows a product with its capabilities, vendor and incidents', async () => {
    const page = await new PortalClient(app).get('/products/graphite');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<dt>Vendor</dt><dd><a href="/organizations/paragon-solutions">Paragon Solutions Ltd.</a>');
    expect(page.text).toContain('extracts data from encrypted messaging apps such as WhatsApp, Facebook Messenger and Signal');
    expect(page.text).toContain('href="/incidents/graphite-italy-2025"');
  });

  it('shows an incident with its product, vendor, targets and sources', async () => {
    const page = await new PortalClient(app).get('/incidents/graphite-italy-2025');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/products/graphite"');
    expect(page.text).toContain('journalist');
    expect(page.text).toContain('href="/sources/citizenlab-2025-03-19"');
  });

  it('shows a contract with its parties, value, every transaction, its sources and the USAspending permalink', async () => {
    const page = await new PortalClient(app).get('/contracts/70CTD024P00000012');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<dt>Buyer</dt><dd><a href="/organizations/ice">U.S. Immigration and Customs Enforcement</a>');
    expect(page.text).toContain('<dt>Funding office</dt><dd><a href="/organizations/ice-hsi">Homeland Security Investigations</a>');
    expect(page.text).toContain('href="/organizations/paragon-solutions-us">Paragon Solutions (US) Inc.</a>');
    expect(page.text).toContain('USD 2,000,000');
    expect(page.text).toContain('href="https://www.usaspending.gov/award/CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-/"');
    expect([...page.text.matchAll(/<tr class="event-([a-z-]+)">/g)].map((m) => m[1])).toEqual(['award', 'stop-work', 'stop-work-lifted']);
    expect(page.text).toContain('Report on the reactivation of ICE&#39;s contract with Paragon Solutions');
    expect((await new PortalClient(app).get('/contracts/NOPE0000')).status).toBe(404);
  });

  it('shows a source, its original link, and everything that cites it, each on its page', async () => {
    const page = await new PortalClient(app).get('/sources/commerce-2021-11-03');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="https://www.commerce.gov/news/press-releases/2021/11/commerce-adds-nso-group-and-other-foreign-companies-entity-list"');
    expect(page.text).toContain('<a href="/organizations/nso-group">NSO Group Technologies Ltd.</a>');
    expect(page.text).toMatch(/<a href="\/organizations\/candiru#designations-heading">Candiru: US-BIS Entity List, listed 2021-11-03<\/a>/);
    const letter = await new PortalClient(app).get('/sources/msnbc-2025-09');
    expect(letter.text).toContain('href="/contracts/70CTD024P00000012#transactions-heading"');
  });

  it('leaves out the transparency-log section while the ledger is not wired', async () => {
    const page = await new PortalClient(app).get('/organizations/candiru');
    expect(page.text).not.toContain('Transparency log entries');
  });

  it('fills the transparency-log slot when the ledger provides entries', async () => {
    const asked: string[] = [];
    const logEntriesFor = async (subject: string): Promise<TransparencyLogEntry[]> => {
      asked.push(subject);
      return [
        { index: 41, type: 'registry.organization.upserted', time: '2026-11-23T10:00:00.000Z', href: '/log/entries/41' },
        { index: 42, type: 'registry.designation.delisted', time: '2026-11-24T09:30:00.000Z', href: 'javascript:alert(1)' },
        { index: null, type: 'registry.record.status-changed', time: '2026-11-25T08:00:00.000Z' },
      ];
    };
    // The portal alone, with a stand-in for the ledger's reader (createCountersignApp takes a ledger).
    const withLog = createApp({ store: getStore(), mount: [mountPortal({ store: getStore(), logEntriesFor })], renderError: renderPortalError });
    const page = await new PortalClient(withLog).get('/organizations/candiru');
    expect(asked).toEqual(['organization:candiru']);
    expect(page.text).toContain('<section class="transparency-log" id="transparency-log" aria-labelledby="transparency-log-heading" data-subject="organization:candiru">');
    expect(page.text).toContain('<td><a href="/log/entries/41">41</a></td><td><code>registry.organization.upserted</code></td><td>23 November 2026, 10:00 UTC</td>');
    expect(page.text).toContain('<td>42</td><td><code>registry.designation.delisted</code>');
    expect(page.text).not.toContain('javascript:');
    expect(page.text).toContain('<span class="muted">pending</span>');
    await new PortalClient(withLog).get('/contracts/70CTD024P00000012');
    expect(asked).toContain('contract:70CTD024P00000012');
  });
});
