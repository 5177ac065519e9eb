import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { createUser, signedInClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

function subjects(text: string): string[] {
  return [...text.matchAll(/<tr(?: class="delisted")?>\s*<td data-label="Subject"><a href="([^"]+)">/g)].map((m) => m[1] ?? '');
}

describeEachBackend('designations page', (getStore) => {
  let app: Hono<AppEnv>;
  /** Designations in the database, by authority or standing: the page must list exactly these, whatever the dataset holds. */
  const designationIds = async (where: { authority?: string; delisted?: boolean } = {}): Promise<string[]> => {
    let query = getStore().db.selectFrom('designations').select('subjectId');
    if (where.authority !== undefined) query = query.where('authority', '=', where.authority);
    if (where.delisted === true) query = query.where('delistedDate', 'is not', null);
    if (where.delisted === false) query = query.where('delistedDate', 'is', null);
    return (await query.execute()).map((r) => r.subjectId);
  };
  beforeAll(async () => {
    await loadBundledDataset(getStore());
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'eddie', 'editor');
  });

  it('lists every designation, newest listing first, with its sources', async () => {
    const page = await new PortalClient(app).get('/designations');
    expect(page.status).toBe(200);
    expect(subjects(page.text)).toHaveLength((await designationIds()).length);
    expect(page.text.indexOf('16 September 2024')).toBeLessThan(page.text.indexOf('3 November 2021'));
    expect(page.text).toContain('href="/sources/treasury-2024-03-05"');
  });

  it('filters by authority and by standing, and shows a delisting with both dates', async () => {
    const bis = await new PortalClient(app).get('/designations?authority=US-BIS');
    expect(subjects(bis.text)).toHaveLength((await designationIds({ authority: 'US-BIS' })).length);
    const delistedBefore = await new PortalClient(app).get('/designations?state=delisted');
    expect(subjects(delistedBefore.text)).not.toContain('/organizations/candiru');
    expect(bis.text).toContain('<option value="US-BIS" selected>');
    const editor = await signedInClient(app, 'eddie');
    expect((await editor.request('/api/v1/designations/candiru--us-bis--entity-list--2021-11-03/delisting', { json: { delisted: '2026-03-01', sources: ['commerce-2021-11-03'] } })).status).toBe(200);
    const delisted = await new PortalClient(app).get('/designations?state=delisted');
    expect(subjects(delisted.text).sort()).toEqual([...subjects(delistedBefore.text), '/organizations/candiru'].sort());
    expect(subjects(delisted.text)).toHaveLength((await designationIds({ delisted: true })).length);
    expect(delisted.text).toMatch(/datetime="2021-11-03"[\s\S]*datetime="2026-03-01"/);
    const inForce = await new PortalClient(app).get('/designations?state=in-force');
    expect(subjects(inForce.text)).toHaveLength((await designationIds({ delisted: false })).length);
  });
});
