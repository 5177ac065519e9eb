import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { openTestStore } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import type { Store } from '../store/store.js';
import { DEBIAN_CHROMIUM } from './testing/debian-chromium.js';
import { serveOnLoopback } from './testing/serve-on-loopback.js';


describe('the portal in a real browser', () => {
  let opened: { store: Store; dispose: () => Promise<void> };
  let closeServer: (() => Promise<void>) | undefined;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    opened = await openTestStore('sqlite');
    await loadBundledDataset(opened.store);
    const app = createCountersignApp({ store: opened.store });
    const served = await serveOnLoopback(app);
    origin = served.origin;
    closeServer = served.close;
    browser = await chromium.launch(DEBIAN_CHROMIUM);
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
    await opened?.dispose();
  });

  it('searches for "paragon", follows the result to the organization and sees the contract transactions', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.getByLabel('Search vendors, products, people, contracts').fill('paragon');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=paragon/);
    await page.getByRole('link', { name: 'Paragon Solutions (US) Inc.' }).first().click();
    await page.waitForURL(`${origin}/organizations/paragon-solutions-us`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Paragon Solutions (US) Inc.');
    const rows = page.locator('table.transactions tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^27 September 2024\s+—\s+Award/),
      expect.stringMatching(/^8 October 2024\s+—\s+Stop-work order/),
      expect.stringMatching(/^September 2025\s+—\s+Stop-work order lifted/),
    ]);
    await expect(rows.nth(1).isVisible()).resolves.toBe(true);
    // The stylesheet loaded under the Content-Security-Policy: the header is drawn dark.
    const header = await page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(header).toBe('rgb(20, 33, 61)');
    expect(refused).toEqual([]);
    await context.close();
  });
});
