import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { createUser, signedInClient } from '../../../test/support/test-app.js';
import { openTestLedger, TEST_ORIGIN } from '../../../test/support/test-ledger.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { encodeBase64 } from '../../ledger/encoding/base64.js';
import { hashLeaf } from '../../ledger/merkle/hash.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import type { AppEnv } from '../../server/app-env.js';
import { readLogEntries } from '../../store/ledger/read-log-entries.js';
import { escapeHtml } from '../components/html.js';
import { createdId, PortalClient } from '../testing/portal-client.js';

const TIP = {
  subject: 'Unreported border contract',
  body: 'A customs agency is piloting phone extraction kits at two crossings; a procurement notice exists.',
  sourceUrl: 'https://example.org/notice',
  contact: 'signal: tipster-42',
};
const SCRIPT = '<script>alert(1)</script>';

describeEachBackend('transparency log pages', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let tipIndex: string;

  const sequencedCount = async (): Promise<number> =>
    Number((await getStore().db.selectFrom('logEntries').where('leafIndex', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    ledger = await openTestLedger(store);
    app = createCountersignApp({ store, ledger });
    await createUser(store, 'adam', 'admin');
    await createUser(store, 'eddie', 'editor');
    const sent = await new PortalClient(app).postForm('/tips/new', TIP);
    if (sent.status !== 303) throw new Error(`tip not sent: ${sent.status}`);
    await ledger.sequencer.integrate();
    const tipId = (await store.db.selectFrom('tips').select('id').executeTakeFirstOrThrow()).id;
    const entry = (await readLogEntries(store.db, { subject: `tip:${tipId}`, limit: 1, offset: 0 })).items[0];
    if (!entry) throw new Error('the tip was not logged');
    tipIndex = entry.index;
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('shows the latest checkpoint: size equal to the sequenced entries, its signed note verbatim, the key and how to verify', async () => {
    const page = await new PortalClient(app).get('/log');
    expect(page.status).toBe(200);
    const count = await sequencedCount();
    expect(count).toBeGreaterThan(90);
    expect(page.text).toContain(`<dt>Size</dt><dd><strong class="tree-size">${count}</strong> entries</dd>`);
    const note = await (await app.request('http://localhost/log/checkpoint')).text();
    expect(note.split('\n')[1]).toBe(String(count));
    expect(page.text).toContain(`<pre class="signed-note">${escapeHtml(note)}</pre>`);
    expect(page.text).toContain(`<code>${TEST_ORIGIN}</code>`);
    expect(page.text).toContain(`<code class="verifier-key">${escapeHtml(ledger.verifierKey)}</code>`);
    expect(page.text).toContain('<code>countersign log verify http://localhost</code>');
    expect(page.text).toContain('<a href="/log/checkpoint">');
    expect(page.text).toContain('<a href="/log/key">');
    expect(page.text).toContain('No witness has cosigned this checkpoint yet.');
  });

  it('lists entries newest first, a page at a time, filtered by subject, with subjects linked to their records', async () => {
    const count = await sequencedCount();
    const page = await new PortalClient(app).get('/log');
    const indices = [...page.text.matchAll(/<td data-label="Entry"><a href="\/log\/entries\/(\d+)">/g)].map((m) => Number(m[1]));
    expect(indices).toEqual(Array.from({ length: 25 }, (_, i) => count - 1 - i));
    expect(page.text).toContain(`1–25 of ${count}`);
    const second = await new PortalClient(app).get('/log?offset=25');
    expect(second.text).toContain(`26–50 of ${count}`);
    expect(second.text).toContain(`<a href="/log/entries/${count - 26}">`);

    const candiru = await new PortalClient(app).get('/log?subject=organization%3Acandiru');
    const expected = await readLogEntries(getStore().db, { subject: 'organization:candiru', limit: 25, offset: 0 });
    expect(expected.total).toBeGreaterThan(0);
    expect(candiru.text).toContain(`${expected.total} ${expected.total === 1 ? 'entry' : 'entries'} about <code>organization:candiru</code>`);
    const rows = [...candiru.text.matchAll(/<td data-label="Entry"><a href="\/log\/entries\/(\d+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(expected.items.map((e) => e.index));
    expect(candiru.text).toContain('<a href="/organizations/candiru"><code>organization:candiru</code></a>');
    // A tip has no public page: its subject stays text.
    expect(page.text).toMatch(/<li><code>tip:[0-9a-f-]{36}<\/code><\/li>/);
  });

  it('pages through earlier checkpoints by size, newest first', async () => {
    const editor = await signedInClient(app, 'eddie');
    for (const status of ['verified', 'documented']) {
      expect((await editor.request('/api/v1/records/organization/candiru/status', { json: { status } })).status).toBe(200);
      await ledger.sequencer.integrate();
    }
    const latest = await ledger.storage.latestCheckpoint();
    const stored = await ledger.storage.listCheckpoints(100, latest?.size);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    const page = await new PortalClient(app).get('/log');
    const sizes = [...page.text.matchAll(/<td data-label="Size">(\d+)<\/td>/g)].map((m) => m[1]);
    expect(sizes).toEqual(stored.slice(0, 10).map((cp) => cp.size.toString()));
    expect(page.text).toContain(`href="/api/v1/log/consistency?from=${stored[0]?.size}&amp;to=${latest?.size}"`);
    const older = await new PortalClient(app).get(`/log?before=${stored[0]?.size}`);
    expect([...older.text.matchAll(/<td data-label="Size">(\d+)<\/td>/g)].map((m) => m[1])).toEqual(stored.slice(1, 11).map((cp) => cp.size.toString()));
    expect(older.text).toContain('← Newest checkpoints</a>');
    expect((await new PortalClient(app).get('/log?before=01')).status).toBe(400);
  });

  it('shows an entry with its exact bytes, its inclusion proof and a verify button, and keeps sealed values out', async () => {
    const page = await new PortalClient(app).get(`/log/entries/${tipIndex}`);
    expect(page.status).toBe(200);
    const proof = (await (await app.request(`http://localhost/api/v1/log/entries/${tipIndex}/proof`)).json()) as { treeSize: string; entry: string; leafHash: string; inclusionProof: string[]; rootHash: string; checkpoint: string };
    expect(page.text).toContain(`<h1>Entry ${tipIndex}: <code>tips.tip.submitted</code></h1>`);
    expect(page.text).toContain(`<pre class="entry-bytes" id="entry-bytes">${escapeHtml(proof.entry)}</pre>`);
    expect(page.text).toContain(`${new TextEncoder().encode(proof.entry).length} bytes of UTF-8`);
    expect(proof.leafHash).toBe(encodeBase64(hashLeaf(new TextEncoder().encode(proof.entry))));
    expect(page.text).toContain(`<dt>Leaf hash</dt><dd><code>${proof.leafHash}</code></dd>`);
    expect(page.text).toContain(`<dt>Root hash</dt><dd><code>${proof.rootHash}</code></dd>`);
    expect(page.text).toContain(`<dt>Tree size</dt><dd>${proof.treeSize} (`);
    expect(proof.inclusionProof.length).toBeGreaterThan(0);
    expect([...page.text.matchAll(/<li><code>([A-Za-z0-9+/=]{44})<\/code><\/li>/g)].map((m) => m[1])).toEqual(proof.inclusionProof);
    expect(page.text).toContain(`<pre class="signed-note">${escapeHtml(proof.checkpoint)}</pre>`);
    expect(page.text).toContain(`data-proof-url="/api/v1/log/entries/${tipIndex}/proof"`);
    expect(page.text).toContain('data-entry-bytes="entry-bytes"');
    expect(page.text).toMatch(/<button type="button" hidden>Verify in your browser<\/button>/);
    expect(page.text).toMatch(/<script type="module" src="\/static\/verify-log-entry\.js\?v=[0-9a-f]{12}"><\/script>/);
    expect(page.text).toContain(`href="/api/v1/log/entries/${tipIndex}/proof"`);
    for (const field of ['body', 'contact', 'sourceUrl', 'subject']) expect(page.text).toMatch(new RegExp(`<tr class="seal-sealed">\\s*<th scope="row"><code>${field}</code></th>\\s*<td data-label="State"><strong>sealed</strong>`));
    for (const secret of [TIP.subject, TIP.body, TIP.contact, TIP.sourceUrl]) expect(page.text).not.toContain(escapeHtml(secret));
  });

  it('shows an unsealed field with its value and opening, a shredded one as shredded, and links the entries that did it', async () => {
    const admin = await signedInClient(app, 'adam');
    expect((await admin.request(`/api/v1/log/entries/${tipIndex}/seals/sourceUrl/unseal`, { method: 'POST' })).status).toBe(200);
    expect((await admin.request(`/api/v1/log/entries/${tipIndex}/seals/contact/shred`, { method: 'POST' })).status).toBe(204);
    await ledger.sequencer.integrate();
    const page = await new PortalClient(app).get(`/log/entries/${tipIndex}`);
    expect(page.text).toMatch(/<tr class="seal-unsealed">\s*<th scope="row"><code>sourceUrl<\/code><\/th>\s*<td data-label="State"><strong>unsealed<\/strong>/);
    expect(page.text).toContain(`<code>${escapeHtml(JSON.stringify(TIP.sourceUrl))}</code>`);
    expect(page.text).toMatch(/<p class="note">Opening <code>[0-9a-f]{64}<\/code><\/p>/);
    expect(page.text).toMatch(/<tr class="seal-shredded">\s*<th scope="row"><code>contact<\/code><\/th>\s*<td data-label="State"><strong>shredded<\/strong>/);
    expect(page.text).toContain('Later entries about this entry');
    expect(page.text).toMatch(/<a href="\/log\/entries\/\d+">Entry \d+<\/a> · <code>ledger\.seal\.unsealed<\/code>/);
    expect(page.text).toMatch(/<a href="\/log\/entries\/\d+">Entry \d+<\/a> · <code>ledger\.seal\.shredded<\/code>/);
    for (const secret of [TIP.subject, TIP.body, TIP.contact]) expect(page.text).not.toContain(escapeHtml(secret));
  });

  it('links every entry on a record page to its entry page and its proof', async () => {
    const page = await new PortalClient(app).get('/organizations/candiru');
    const entries = await readLogEntries(getStore().db, { subject: 'organization:candiru', limit: 50, offset: 0 });
    for (const e of entries.items) {
      expect(page.text).toContain(`<td><a href="/log/entries/${e.index}">${e.index}</a></td>`);
      expect(page.text).toContain(`data-index="${e.index}" data-proof-url="/api/v1/log/entries/${e.index}/proof" data-compact`);
      expect(page.text).toContain(`aria-label="Verify entry ${e.index} in your browser"`);
    }
    expect(page.text).toMatch(/<script type="module" src="\/static\/verify-log-entry\.js\?v=[0-9a-f]{12}"><\/script>/);
    const first = entries.items[0];
    const entryPage = await new PortalClient(app).get(`/log/entries/${first?.index}`);
    expect(entryPage.status).toBe(200);
    expect(entryPage.text).toContain('<a href="/organizations/candiru"><code>organization:candiru</code></a>');
    const script = await app.request('http://localhost/static/verify-log-entry.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await app.request('http://localhost/static/verify-checkpoint.js')).status).toBe(200);
  });

  it('answers 404 for entries that do not exist and indices that are not canonical numbers', async () => {
    for (const path of ['/log/entries/9999999', '/log/entries/abc', '/log/entries/007', '/log/entries/-1']) {
      const page = await new PortalClient(app).get(path);
      expect(page.status, path).toBe(404);
      expect(page.text).toContain('<!doctype html>');
    }
  });

  it('answers 404 for the log pages when the site runs no ledger', async () => {
    const withoutLog = createCountersignApp({ store: getStore() });
    expect((await new PortalClient(withoutLog).get('/log')).status).toBe(404);
    expect((await new PortalClient(withoutLog).get('/log/entries/0')).status).toBe(404);
  });

  it('escapes hostile text in entries and in the subject filter', async () => {
    const editor = await signedInClient(app, 'eddie');
    // Proposed by one person, accepted by another (the two-person rule).
    const res = await (await signedInClient(app, 'adam')).request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: 'hostile-log-org', name: SCRIPT, kind: 'vendor', aliases: ['"><img src=x onerror=alert(1)>'], sources: ['commerce-2021-11-03'] } } });
    expect(res.status).toBe(201);
    expect((await editor.request(`/api/v1/changes/${await createdId(res)}/accept`, { json: {} })).status).toBe(200);
    await ledger.sequencer.integrate();
    const entry = (await readLogEntries(getStore().db, { subject: 'organization:hostile-log-org', limit: 10, offset: 0 })).items.find((e) => e.type === 'registry.organization.upserted');
    const page = await new PortalClient(app).get(`/log/entries/${entry?.index}`);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const filtered = await new PortalClient(app).get(`/log?subject=${encodeURIComponent(`"><script>alert(1)</script>`)}`);
    expect(filtered.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    for (const text of [page.text, filtered.text]) {
      expect(text).not.toContain('<script>alert(1)');
      expect(text).not.toContain('<img src=x');
      // The only scripts are the portal's own modules.
      expect([...text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).every((tag) => /^<script type="module" src="\/static\/[a-z-]+\.js\?v=[0-9a-f]{12}">$/.test(tag))).toBe(true);
    }
  });
});
