import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { openTestStore } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import { projectRoot } from '../core/project-root.js';
import type { Store } from '../store/store.js';
import { axeViolations, horizontalOverflow } from './testing/audit-page.js';
import { DEBIAN_CHROMIUM } from './testing/debian-chromium.js';
import { serveOnLoopback } from './testing/serve-on-loopback.js';

const ARTIFACTS = join(projectRoot(), 'test-artifacts', 'browser');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Every index, bare and filtered (a filter each index has, sorted, so the form shows selections). */
const PAGES = [
  '/organizations', '/organizations?country=IL&kind=vendor&sort=country',
  '/people', '/people?authority=US-OFAC',
  '/products',
  '/incidents', '/incidents?country=MA&from=2016&to=2021&sort=name&order=asc',
  '/contracts',
  '/sources', '/sources?available=neither',
  '/policies',
];

describe('the index pages in Chromium: accessible, readable at 390 px, filters work without JavaScript', () => {
  let opened: { store: Store; dispose: () => Promise<void> };
  let browser: Browser;
  let origin: string;
  let closeServer: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    opened = await openTestStore('sqlite');
    await loadBundledDataset(opened.store);
    const served = await serveOnLoopback(createCountersignApp({ store: opened.store }));
    origin = served.origin;
    closeServer = served.close;
    browser = await chromium.launch(DEBIAN_CHROMIUM);
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
    await opened?.dispose();
  });

  it('finds no serious or critical axe violation and no sideways scrolling at 390 px on any index', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.setViewportSize(DESKTOP);
      const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
      if (response?.status() !== 200) problems.push(`${path}: answered ${response?.status()}`);
      for (const v of await axeViolations(page)) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${path}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      }
      const name = `index-${path.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
      await page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`) });
      await page.setViewportSize(PHONE);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than a 390px screen`);
      await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: true });
    }
    await context.close();
    expect([...problems, ...errors]).toEqual([]);
  }, 180_000);

  it('filters with the form and pages with the links, JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/incidents`);
    await page.getByLabel('Country of targets').selectOption({ label: 'Italy' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/country=IT/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Graphite');
    await page.goto(`${origin}/sources`);
    await page.getByRole('link', { name: /neither a link nor an archived copy/ }).click();
    await page.waitForURL(/available=neither/);
    const unlinked = await page.locator('tbody tr').count();
    expect(unlinked).toBeGreaterThan(0);
    expect(await page.locator('tbody').textContent()).toContain('neither a link nor a copy');
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/export?format=csv&type=sources&available=neither');
    await context.close();
  }, 60_000);
});
