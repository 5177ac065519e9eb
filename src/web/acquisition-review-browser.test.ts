import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { createUser, TEST_PASSWORD } from '../../test/support/test-app.js';
import { openTestLedger } from '../../test/support/test-ledger.js';
import { openTestStore } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import { loadBundledOversight } from '../app/load-bundled-oversight.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import type { Store } from '../store/store.js';
import { axeViolations, horizontalOverflow } from './testing/audit-page.js';
import { DEBIAN_CHROMIUM } from './testing/debian-chromium.js';
import { serveOnLoopback } from './testing/serve-on-loopback.js';

describe('acquisition review pages in Chromium: accessible, readable at 390 px, every step a working form without script', () => {
  let opened: { store: Store; dispose: () => Promise<void> };
  let ledger: Ledger;
  let browser: Browser;
  let origin: string;
  let closeServer: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    opened = await openTestStore('sqlite');
    await loadBundledDataset(opened.store);
    await loadBundledOversight(opened.store);
    await createUser(opened.store, 'ada', 'admin');
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

  async function problemsOf(page: Page, path: string): Promise<string[]> {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await horizontalOverflow(page);
    return [
      ...(response?.status() === 200 ? [] : [`${path}: ${response?.status()}`]),
      ...serious.map((v) => `${path}: ${v.id} (${v.impact})`),
      ...(overflow > 0 ? [`${path}: ${overflow}px sideways`] : []),
      ...errors.map((e) => `${path}: console ${e}`),
    ];
  }

  it('audits the list, the ICE–Paragon case page and the report, then an admin answers a risk factor through the form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of ['/acquisition-reviews', '/acquisition-reviews/ice-paragon-graphite-2024', '/oversight/report?year=2025']) problems.push(...(await problemsOf(page, path)));

    await page.goto(`${origin}/login`);
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/`);
    for (const path of ['/acquisition-reviews', '/acquisition-reviews/ice-paragon-graphite-2024']) problems.push(...(await problemsOf(page, path)));
    expect(problems).toEqual([]);

    await context.close();

    // The step forms need no script: the same steps in a browser with JavaScript off.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const form = await plain.newPage();
    await form.goto(`${origin}/login`);
    await form.getByLabel('Username').fill('ada');
    await form.getByLabel('Password').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.waitForURL(`${origin}/`);
    await form.goto(`${origin}/acquisition-reviews/ice-paragon-graphite-2024`);
    await form.getByText('Answer a risk factor').click();
    await form.getByLabel('Risk factor', { exact: true }).selectOption({ label: 'Mitigating factors' });
    await form.getByLabel('Finding', { exact: true }).selectOption({ label: 'Not established' });
    await form.getByLabel('Answer', { exact: true }).fill('Paragon said it stopped working with Italian government agencies.');
    await form.getByLabel(/^Evidence/).first().fill('source:msnbc-2025-09');
    await form.getByRole('button', { name: 'Record the answer' }).click();
    await form.waitForURL(/done=answer-factor/);
    expect(await form.textContent('main')).toContain('Paragon said it stopped working with Italian government agencies.');
    await plain.close();
  }, 120_000);
});
