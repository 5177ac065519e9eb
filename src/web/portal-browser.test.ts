import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { openTestStore } from '../../test/support/test-store.js';
import { createUser, TEST_PASSWORD } from '../../test/support/test-app.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root.js';
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
    await createUser(opened.store, 'ana', 'analyst');
    await createUser(opened.store, 'eddie', 'editor');
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

  it('lets an analyst propose a new organisation through the form and an editor accept it, without JavaScript', async () => {
    const artifacts = join(projectRoot(), 'test-artifacts', 'browser');
    mkdirSync(artifacts, { recursive: true });
    const signIn = async (username: string) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      await page.goto(`${origin}/login`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${origin}/`);
      return { context, page };
    };
    const analyst = await signIn('ana');
    await analyst.page.getByRole('link', { name: 'Propose' }).click();
    await analyst.page.getByRole('link', { name: 'Organization' }).click();
    await analyst.page.waitForURL(`${origin}/propose/organization`);
    // Sent half-filled first: the form comes back with the problem beside its field.
    await analyst.page.getByLabel('Name', { exact: true }).fill('Memento Labs S.r.l.');
    await analyst.page.getByRole('button', { name: 'Send for review' }).click();
    await expect(analyst.page.locator('#field-id-error').textContent()).resolves.toBe('is required');
    await analyst.page.screenshot({ path: join(artifacts, 'propose-organization-refused.png'), fullPage: true });
    await analyst.page.getByLabel('Identifier (slug)').fill('memento-labs');
    await analyst.page.getByLabel('Kind of organization').selectOption({ label: 'Vendor' });
    await analyst.page.getByLabel('Country (optional)', { exact: true }).selectOption({ label: 'Italy' });
    await analyst.page.getByLabel('Sources', { exact: true }).fill('citizenlab-2025-03-19');
    await analyst.page.getByRole('button', { name: 'Send for review' }).click();
    await analyst.page.waitForURL(/\/review\?done=proposed/);
    await expect(analyst.page.getByRole('status').textContent()).resolves.toContain('Your proposal was sent');
    await analyst.context.close();

    const editor = await signIn('eddie');
    await editor.page.getByRole('link', { name: 'Review' }).click();
    const change = editor.page.locator('article.change', { hasText: 'Memento Labs S.r.l.' });
    await expect(change.locator('tr', { hasText: 'Country' }).innerText()).resolves.toMatch(/Italy/);
    await editor.page.screenshot({ path: join(artifacts, 'review-proposed-organization.png'), fullPage: true });
    await change.getByRole('button', { name: 'Accept and publish' }).click();
    await editor.page.waitForURL(/\/review\?done=accepted/);
    await editor.page.goto(`${origin}/organizations/memento-labs`);
    await expect(editor.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Memento Labs S.r.l.');
    await editor.context.close();
  });
});
