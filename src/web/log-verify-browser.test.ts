import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { openTestLedger, TEST_ORIGIN } from '../../test/support/test-ledger.js';
import { openTestStore } from '../../test/support/test-store.js';
import { createCountersignApp } from '../app/create-countersign-app.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { readLogEntries } from '../store/ledger/read-log-entries.js';
import type { Store } from '../store/store.js';
import { DEBIAN_CHROMIUM } from './testing/debian-chromium.js';
import { serveOnLoopback } from './testing/serve-on-loopback.js';

/** The proof JSON as GET /api/v1/log/entries/{index}/proof serves it. */
interface ProofJson {
  index: string;
  treeSize: string;
  entry: string;
  leafHash: string;
  inclusionProof: string[];
  rootHash: string;
  checkpoint: string;
}

function isProofJson(value: unknown): value is ProofJson {
  return typeof value === 'object' && value !== null && 'inclusionProof' in value && Array.isArray(value.inclusionProof) && 'checkpoint' in value && typeof value.checkpoint === 'string';
}

/** One bit of a base64 hash flipped, still canonical base64 of 32 bytes. */
function flipBit(hash: string): string {
  const bytes = Buffer.from(hash, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64');
}

describe('verifying log entries in a real browser', () => {
  let opened: { store: Store; dispose: () => Promise<void> };
  let ledger: Ledger;
  let closeServer: (() => Promise<void>) | undefined;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    opened = await openTestStore('sqlite');
    await loadBundledDataset(opened.store);
    ledger = await openTestLedger(opened.store);
    await ledger.sequencer.integrate();
    const app = createCountersignApp({ store: opened.store, ledger });
    const served = await serveOnLoopback(app);
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

  /** A page that records console errors (a script refused by the Content-Security-Policy shows up there). */
  async function openPage(javaScriptEnabled = true): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors, close: () => context.close() };
  }

  /** Serves the real proof with `change` applied, as a lying server or a network attacker would. */
  async function tamperWithProofs(page: Page, change: (proof: ProofJson) => ProofJson): Promise<void> {
    await page.route('**/api/v1/log/entries/*/proof', async (route) => {
      const response = await route.fetch();
      const proof: unknown = await response.json();
      if (!isProofJson(proof)) throw new Error('unexpected proof JSON');
      await route.fulfill({ response, json: change(proof) });
    });
  }

  async function verifyEntry(page: Page, index: number): Promise<string> {
    await page.goto(`${origin}/log/entries/${index}`);
    await page.getByRole('button', { name: 'Verify in your browser' }).click();
    const result = page.locator('.verify-panel [data-verify-result]');
    await expect.poll(() => result.getAttribute('data-state')).not.toBe('checking');
    return (await result.textContent()) ?? '';
  }

  it('checks an entry page\'s inclusion proof and checkpoint signature, and says it verified', async () => {
    const { page, errors, close } = await openPage();
    const text = await verifyEntry(page, 17);
    expect(text).toBe(`Verified: entry 17 is included in the log's tree of ${ledger.sequencer.size} entries, and that tree's checkpoint carries a valid signature by ${TEST_ORIGIN}.`);
    expect(await page.locator('.verify-panel [data-verify-result]').getAttribute('role')).toBe('status');
    expect(errors).toEqual([]);
    await close();
  });

  it('says the check failed when a proof hash was tampered with', async () => {
    const { page, errors, close } = await openPage();
    await tamperWithProofs(page, (proof) => ({ ...proof, inclusionProof: proof.inclusionProof.map((hash, i) => (i === 0 ? flipBit(hash) : hash)) }));
    expect(await verifyEntry(page, 17)).toBe('Verification failed: proof leads to a different root.');
    expect(errors).toEqual([]);
    await close();
  });

  it('says the check failed when the proved entry is not the one on the page, or the checkpoint signature is forged', async () => {
    const { page, close } = await openPage();
    await tamperWithProofs(page, (proof) => ({ ...proof, entry: proof.entry.replace('"v":1', '"v":2') }));
    expect(await verifyEntry(page, 17)).toBe('Verification failed: the entry shown on this page is not the one the log proves.');
    await page.unrouteAll();
    await tamperWithProofs(page, (proof) => {
      const line = proof.checkpoint.split('\n').find((l) => l.startsWith(`\u2014 ${TEST_ORIGIN} `)) ?? '';
      const signature = Buffer.from(line.slice(line.lastIndexOf(' ') + 1), 'base64');
      signature[20] = (signature[20] ?? 0) ^ 1;
      return { ...proof, checkpoint: proof.checkpoint.replace(line, `\u2014 ${TEST_ORIGIN} ${signature.toString('base64')}`) };
    });
    expect(await verifyEntry(page, 17)).toBe(`Verification failed: the signature by ${TEST_ORIGIN} on the checkpoint does not verify.`);
    await close();
  });

  it('verifies a row of a record page\'s transparency-log section with its compact button', async () => {
    const { page, errors, close } = await openPage();
    const entry = (await readLogEntries(opened.store.db, { subject: 'organization:candiru', limit: 1, offset: 0 })).items[0];
    await page.goto(`${origin}/organizations/candiru`);
    await page.getByRole('button', { name: `Verify entry ${entry?.index} in your browser` }).click();
    const result = page.locator(`[data-log-verify][data-index="${entry?.index}"] [data-verify-result]`);
    await expect.poll(() => result.textContent()).toBe(`Verified: in the signed tree of ${ledger.sequencer.size} entries.`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the proof without JavaScript, and hides a button that could not work', async () => {
    const { page, close } = await openPage(false);
    await page.goto(`${origin}/log/entries/17`);
    await expect(page.getByRole('button', { name: 'Verify in your browser' }).count()).resolves.toBe(0);
    await expect(page.locator('.hash-list li').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'proof as JSON' }).getAttribute('href')).resolves.toBe('/api/v1/log/entries/17/proof');
    await close();
  });
});
