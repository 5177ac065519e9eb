import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { importDataset } from '../../registry/commands/import-dataset.js';
import { parseDataset } from '../../registry/dataset/parse-dataset.js';
import type { AppEnv } from '../../server/app-env.js';
import { createApp } from '../../server/create-app.js';
import { mountPortal, renderPortalError } from '../mount-portal.js';

const LETTER = 'Dear Secretary,\nWe write about the contract.\n— Signed, «a coalition»\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeEachBackend('GET /sources/{id}/archive and the source page', (getStore) => {
  const dataset = mkdtempSync(join(tmpdir(), 'countersign-archive-'));
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    mkdirSync(join(dataset, 'archive'));
    writeFileSync(join(dataset, 'archive', 'letter.txt'), LETTER);
    writeFileSync(join(dataset, 'archive', 'altered.txt'), `${LETTER}One line someone added.\n`);
    writeFileSync(join(dataset, 'outside.txt'), LETTER);
    const sources = [
      { id: 'kept-letter', title: 'A letter', publisher: 'A coalition', date: '2024-10-31', file: 'archive/letter.txt', sha256: sha256(LETTER) },
      { id: 'altered-copy', title: 'A copy someone changed', file: 'archive/altered.txt', sha256: sha256(LETTER) },
      { id: 'missing-copy', title: 'A copy not on this server', file: 'archive/missing.txt', sha256: sha256(LETTER) },
      { id: 'outside-copy', title: 'A file outside the archive', file: 'outside.txt', sha256: sha256(LETTER) },
      { id: 'linked-rule', title: 'A rule', url: 'https://www.federalregister.gov/documents/2021/11/04/2021-24123/x', citation: '86 FR 60759', documentNumber: '2021-24123' },
      { id: 'lost-report', title: 'A report nobody kept', noLinkReason: 'The publisher took it down and no copy was kept.' },
    ];
    await getStore().transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset: parseDataset(JSON.stringify({ sources })) }, tx));
    app = createApp({ store: getStore(), mount: [mountPortal({ store: getStore(), datasetDirectory: dataset })], renderError: renderPortalError });
  });
  afterAll(() => rmSync(dataset, { recursive: true, force: true }));

  const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

  it('serves the archived copy as text, with its SHA-256 as ETag and Repr-Digest', async () => {
    const res = await get('/sources/kept-letter/archive');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(LETTER);
    expect(res.headers.get('etag')).toBe(`"sha256-${sha256(LETTER)}"`);
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(LETTER).digest('base64')}:`);
    expect(res.headers.get('content-disposition')).toBe('inline; filename="letter.txt"');
    expect((await get('/sources/kept-letter/archive', { 'if-none-match': `"sha256-${sha256(LETTER)}"` })).status).toBe(304);
  });

  it('refuses to serve a copy that no longer matches its recorded digest', async () => {
    const res = await get('/sources/altered-copy/archive');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('One line someone added');
  });

  it('answers 404 for a source without a copy, a copy not on the server, a file outside the archive, and an unknown id', async () => {
    for (const id of ['linked-rule', 'lost-report', 'missing-copy', 'outside-copy', 'no-such-source', '..%2Fregistry']) {
      const res = await get(`/sources/${id}/archive`);
      expect(res.status, id).toBe(404);
      expect(await res.text(), id).not.toContain('We write about the contract');
    }
  });

  it('shows the archived copy and its SHA-256 on the source page', async () => {
    const text = await (await get('/sources/kept-letter')).text();
    expect(text).toContain('<a href="/sources/kept-letter/archive">');
    expect(text).toContain(`<code class="digest">${sha256(LETTER)}</code>`);
  });

  it('shows a Federal Register citation and document number, and says so when a source has neither link nor copy', async () => {
    const rule = await (await get('/sources/linked-rule')).text();
    expect(rule).toContain('<dt>Federal Register</dt><dd>86 FR 60759</dd>');
    expect(rule).toContain('<dt>Document number</dt><dd>2021-24123</dd>');
    expect(rule).not.toContain('No link or archived copy');
    const lost = await (await get('/sources/lost-report')).text();
    expect(lost).toContain('No link or archived copy is recorded for this source.');
    expect(lost).toContain('The publisher took it down and no copy was kept.');
  });

  it('logs the source with its digest, so the log carries the hash of the copy', async () => {
    const rows = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'registry.source.upserted').execute();
    const entry = rows.map((r) => JSON.parse(r.entry) as { data: { record: { id: string; sha256?: string } } }).find((e) => e.data.record.id === 'kept-letter');
    expect(entry?.data.record.sha256).toBe(sha256(LETTER));
  });
});
