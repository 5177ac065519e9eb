import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { RegistryFactory } from '../../test/support/registry-factory.js';
import { createUser, TEST_PASSWORD } from '../../test/support/test-app.js';
import { openTestLedger } from '../../test/support/test-ledger.js';
import { openTestStore } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import { projectRoot } from '../core/project-root.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import type { Store } from '../store/store.js';
import { axeViolations, horizontalOverflow, type AxeViolation } from './testing/audit-page.js';
import { DEBIAN_CHROMIUM } from './testing/debian-chromium.js';
import { contextFor, SYSTEM_CONTEXT } from '../../test/support/contexts.js';
import { openCase, transition } from '../kernel/workflow/transition.js';
import { auditWorkflow } from '../oversight/audits/audit-workflow.js';
import { authorizeUse } from '../oversight/authorizations/authorize-use.js';
import { recordUse } from '../oversight/uses/record-use.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../oversight/testing/uses-fixtures.js';

/** An authorisation with a use that breaks its window and a signed-off audit, so the uses pages and their charts have something to show. */
async function givenAuditedUses(store: Store, w: { agency: string; vendor: string; product: string }): Promise<void> {
  const now = new Date();
  const ctx = (actor: Parameters<typeof contextFor>[0]) => contextFor(actor, now);
  const review = await store.transaction((tx) => givenReview(tx, ctx, w, { notifiedAt: '2026-02-01' }));
  const authorization = await store.transaction((tx) => authorizeUse({ ctx: ctx(staffOf('officer', w.agency)), request: anAuthorizationRequest(review) }, tx));
  await store.transaction((tx) => recordUse({ ctx: ctx(staffOf('officer', w.agency)), request: { authorization: authorization.id, dataCategories: ['messages'], occurredAt: '2026-04-02T10:00:00Z' } }, tx));
  const { case: audit } = await store.transaction((tx) => openCase({ ctx: ctx(staffOf('auditor', w.agency)), workflow: auditWorkflow, via: 'run', input: { agency: w.agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } }, tx));
  await store.transaction((tx) => transition({ ctx: ctx(staffOf('auditor', w.agency)), workflow: auditWorkflow, id: audit.id, action: 'sign-off', input: {} }, tx));
}
import { serveOnLoopback } from './testing/serve-on-loopback.js';
import { grantRole } from '../accounts/commands/grant-role.js';
import { applyForExportLicense } from '../oversight/export-licenses/apply-for-export-license.js';
import { exportLicenseWorkflow } from '../oversight/export-licenses/export-license-workflow.js';

/** Screenshots of every page audited, for a person to look at (git-ignored). */
const ARTIFACTS = join(projectRoot(), 'test-artifacts', 'browser');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** Pages audited at most: one per kind of page is enough to find a template's problems. */
const MAX_PAGES = 45;

/** Pages the crawl starts from; it follows same-site links from there, one page per route shape. */
const SEEDS = ['/', '/designations', '/alerts', '/log', '/tips/new', '/login', '/search?q=paragon', '/search?q=nothing-matches-this', '/no-such-page', '/authorizations', '/oversight/statistics', '/oversight/findings', '/audits'];
const SKIP = [/^\/api\//, /^\/static\//, /^\/maps\//, /^\/feeds\//, /^\/log\/(?:tile|checkpoint|key)/, /^\/logout/];

/** `/organizations/candiru` and `/organizations/nso-group` are one route shape, and so are `/search?q=a` and `/search?kind=b`: auditing one audits the template. */
function routeShape(url: URL): string {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const shape = segments.length >= 2 ? [segments[0], ':id', ...segments.slice(2).map(() => ':part')] : segments;
  // A list with a query (search words, a filter, a page) is one more shape than the bare list, not one per combination.
  return `/${shape.join('/')}${url.search && segments.length < 2 ? '?…' : ''}`;
}

function slug(path: string): string {
  return path.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'home';
}

interface Audit {
  readonly path: string;
  readonly status: number;
  readonly serious: readonly AxeViolation[];
  readonly overflow: number;
  readonly consoleErrors: readonly string[];
}

describe('every portal page in Chromium: accessible, readable at 390 px, no script or style refused', () => {
  let opened: { store: Store; dispose: () => Promise<void> };
  let ledger: Ledger;
  let browser: Browser;
  let origin: string;
  let closeServer: (() => Promise<void>) | undefined;
  let familyRoot = '';
  let licenceId = '';

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    opened = await openTestStore('sqlite');
    await loadBundledDataset(opened.store);
    // A family with obligations, people and a cycle, so graphs, maps and charts have something to draw.
    const data = new RegistryFactory('audit');
    familyRoot = data.organization({ name: 'Audit Holdings Ltd.', country: 'CY' });
    const vendor = data.organization({ name: 'Audit Vendor S.A.', country: 'GR' });
    const agency = data.organization({ name: 'Audit Procurement Agency', kind: 'government-agency', country: 'US' });
    data.relationship(vendor, 'subsidiary-of', familyRoot, { date: '2019-03' });
    data.relationship(data.person({ name: 'Audit Founder', nationality: 'IL' }), 'founder-of', familyRoot, { date: '2018' });
    data.designation(vendor, { listed: '2023-07-18' });
    data.incident({ title: 'Audit incident', date: '2024-05', countries: ['BH', 'IT'], targetCategories: ['journalist'], vendors: [vendor] });
    data.contract({ piid: 'AUDIT0001', buyer: agency, recipient: vendor, transactions: [{ event: 'award', date: '2024-01-10', amount: 1_500_000 }, { event: 'modification', date: '2024-06-01', modification: 'P00001', amount: -250_000 }] });
    const product = data.product(vendor, { name: 'Audit Tool', capabilities: [] });
    await data.load(opened.store);
    await givenAuditedUses(opened.store, { agency, vendor, product });
    await createUser(opened.store, 'edna', 'editor');
    // Export licences: one refused on screening, one approved with provisos, so their pages and (for edna, a licensing officer) their forms are audited.
    const officer = { actor: { kind: 'user' as const, userId: 'u', actorId: 'a_audit', role: 'admin' as const, grants: [] }, now: new Date() };
    const application = { exporter: agency, item: 'Audit interception system', eccn: '5A001.j', endUse: 'Lawful interception', destination: 'GR', licensingAgency: agency };
    await opened.store.transaction((tx) => applyForExportLicense({ ctx: officer, application: { ...application, endUser: vendor } }, tx));
    const { case: licence } = await opened.store.transaction((tx) => applyForExportLicense({ ctx: officer, application: { ...application, endUser: agency } }, tx));
    licenceId = licence.id;
    await opened.store.transaction((tx) => transition({ ctx: officer, workflow: exportLicenseWorkflow, id: licence.id, action: 'review', input: {} }, tx));
    await opened.store.transaction((tx) => transition({ ctx: officer, workflow: exportLicenseWorkflow, id: licence.id, action: 'approve', input: { note: 'Checked', provisos: [{ kind: 'due-diligence-report', text: 'Quarterly report', dueDate: '2027-01-01' }, { kind: 'notify-misuse', text: 'Notify misuse' }] } }, tx));
    await opened.store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: 'edna', role: 'licensing-officer', scope: `agency:${agency}` }, scopeExists: async () => true }, tx));
    ledger = await openTestLedger(opened.store);
    await ledger.sequencer.integrate();
    const served = await serveOnLoopback(createCountersignApp({ store: opened.store, ledger }));
    origin = served.origin;
    closeServer = served.close;
    browser = await chromium.launch(DEBIAN_CHROMIUM);
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
    await ledger?.close();
    await opened?.dispose();
  });

  /** Audits one page: axe at desktop width, then overflow at 390 px, with a screenshot of each. */
  async function audit(page: Page, path: string, errors: string[], name = slug(path)): Promise<Audit> {
    errors.length = 0;
    if (process.env.AUDIT_TRACE) process.stderr.write(`audit ${path} ${new Date().toISOString()}\n`);
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    // A page is HTML; an archived source document (text/plain) or a feed is a file, not a page to audit.
    const html = (response?.headers()['content-type'] ?? '').startsWith('text/html');
    const serious = html ? (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical') : [];
    await page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`) });
    await page.setViewportSize(PHONE);
    const overflow = await horizontalOverflow(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: true });
    return { path, status: response?.status() ?? 0, serious, overflow, consoleErrors: [...errors] };
  }

  /** Audits the seeds and the same-site pages they link to (those `follow` accepts), one page per route shape. */
  /** A tab whose console errors (a script or style refused by the CSP shows up there) are collected per page. */
  async function openTab(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  /**
   * Audits the seeds and the same-site pages they link to (those `follow` accepts), one page per
   * route shape, two at a time (one tab per core).
   */
  async function crawl(context: BrowserContext, seeds: readonly string[], follow: (path: string) => boolean = () => true, prefix = ''): Promise<Audit[]> {
    const tabs = [await openTab(context), await openTab(context)];
    const queue = [...seeds];
    const shapes = new Set<string>();
    const audits: Audit[] = [];
    while (queue.length > 0 && audits.length < MAX_PAGES) {
      const batch: string[] = [];
      while (queue.length > 0 && batch.length < tabs.length) {
        const path = queue.shift() ?? '';
        const shape = routeShape(new URL(path, origin));
        if (shapes.has(shape)) continue;
        shapes.add(shape);
        batch.push(path);
      }
      const results = await Promise.all(batch.map(async (path, i) => {
        const tab = tabs[i];
        if (!tab) throw new Error('no tab for this page');
        const result = await audit(tab.page, path, tab.errors, `${prefix}${slug(path)}`);
        const hrefs: unknown = await tab.page.evaluate('[...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))');
        return { result, hrefs: Array.isArray(hrefs) ? hrefs : [] };
      }));
      for (const { result, hrefs } of results) {
        audits.push(result);
        for (const href of hrefs) {
          if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) continue;
          const next = new URL(href, origin);
          if (SKIP.some((p) => p.test(next.pathname)) || shapes.has(routeShape(next)) || !follow(next.pathname)) continue;
          queue.push(`${next.pathname}${next.search}`);
        }
      }
    }
    await Promise.all(tabs.map((t) => t.page.close()));
    return audits;
  }

  const problems = (audits: readonly Audit[]) =>
    audits.flatMap((a) => [
      ...a.serious.map((v) => `${a.path}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`),
      ...(a.overflow > 0 ? [`${a.path}: ${a.overflow}px wider than a 390px screen`] : []),
      ...a.consoleErrors.map((e) => `${a.path}: console: ${e}`),
      ...(a.status >= 500 || a.status === 0 ? [`${a.path}: answered ${a.status}`] : []),
    ]);

  it('finds no serious or critical axe violation, no sideways scrolling at 390 px and no refused script or style on public pages', async () => {
    const context = await browser.newContext();
    const audits = await crawl(context, [...SEEDS, `/organizations/${familyRoot}`, '/organizations/paragon-solutions', '/people/tal-dilian', '/contracts/AUDIT0001']);
    await context.close();
    expect(audits.length).toBeGreaterThanOrEqual(12);
    for (const shape of ['/organizations/:id', '/people/:id', '/incidents/:id', '/contracts/:id', '/sources/:id', '/products/:id', '/log/:id/:part']) {
      expect(audits.map((a) => routeShape(new URL(a.path, origin))), shape).toContain(shape);
    }
    expect(problems(audits)).toEqual([]);
  }, 120_000);

  it('sends a tip and signs in through the forms, and the staff pages pass the same audit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/tips/new`);
    await page.getByLabel('Subject').fill('A contract worth a look');
    await page.getByLabel(/What you know/).fill('An agency bought a product of a listed vendor last month.');
    await page.getByRole('button', { name: /Send/ }).click();
    await page.waitForURL(/\/tips\/receipt\//);
    const receipt = await audit(page, new URL(page.url()).pathname, [], 'tip-receipt');

    await page.goto(`${origin}/login`);
    await page.getByLabel('Username').fill('edna');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/`);
    await page.close();
    // Public pages were audited above; here only what staff see differently.
    const staff = await crawl(context, ['/review', '/tips', '/alerts/review', `/organizations/${familyRoot}`, `/export-licenses/${licenceId}`, '/export-licenses/new', '/propose', '/propose/organization', '/propose/incident', '/propose/policy'], (path) => /^\/(?:review|tips|alerts\/review|export-licenses)(?:\/|$)/.test(path), 'staff-');
    await context.close();
    expect(problems([receipt, ...staff])).toEqual([]);
  }, 120_000);
});
