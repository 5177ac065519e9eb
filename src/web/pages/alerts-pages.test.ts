import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { SAMPLE_TRANSACTIONS, screenFiles } from '../../../test/support/screen-fixture.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import type { ScreenedTransaction } from '../../procurement/screening/screen-transaction.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyAlertStore } from '../../store/procurement/kysely-alert-store.js';
import { readContracts } from '../../store/registry/queries/read-contracts.js';
import { readWatchlist } from '../../store/registry/queries/read-watchlist.js';
import { PortalClient } from '../testing/portal-client.js';

const FEED_LINK = '<link rel="alternate" type="application/atom+xml" href="/feeds/alerts.atom" title="Countersign: procurement alerts">';
const PIID = '70CTD024P00000012';

/** The ids of the alerts a page lists, in order. */
function alertIds(text: string): string[] {
  return [...text.matchAll(/<article class="alert alert-[a-z]+" id="alert-([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');
}

describeEachBackend('procurement alert pages', (getStore) => {
  let app: Hono<AppEnv>;
  let screened: ScreenedTransaction[];

  /** A weak match like the sample's Paragon award, on another contract: a review-queue item. */
  const weak = (key: string, piid: string): ScreenedTransaction => {
    const base = screened[0];
    if (!base) throw new Error('nothing screened');
    return {
      ...base,
      transaction: { ...base.transaction, transactionKey: key, piid, awardKey: `CONT_AWD_${piid}_7012_-NONE-_-NONE-`, recipient: { ...base.transaction.recipient, uei: '' } },
      match: { ...base.match, decision: 'review', score: 0.7, reasons: ['name matches alias "Paragon Solutions" (generic)'] },
    };
  };

  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    screened = await screenFiles([SAMPLE_TRANSACTIONS], await readWatchlist(store.db));
    const summary = await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened, watchlistVersion: 'test' }, tx));
    if (summary.raised !== 3) throw new Error(`expected three alerts, got ${JSON.stringify(summary)}`);
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: [weak('k-review-1', '70REVIEW0001'), weak('k-review-2', '70REVIEW0002')], watchlistVersion: 'test' }, tx));
    app = createCountersignApp({ store });
    await createUser(store, 'ana', 'analyst');
    await createUser(store, 'connie', 'contributor');
  });

  it('shows the public the three Paragon alerts with agency, amount, links and reasons, and the feed', async () => {
    const page = await new PortalClient(app).get('/alerts');
    expect(page.status).toBe(200);
    expect(page.text).toContain(FEED_LINK);
    expect(page.text).toContain('<a href="/feeds/alerts.atom" type="application/atom+xml">Subscribe to the Atom feed</a>');
    expect(page.text).toContain('<p class="result-count" role="status">3 alerts</p>');
    expect(alertIds(page.text)).toHaveLength(3);
    for (const title of [
      `New award: Paragon Solutions (US) Inc., contract ${PIID}`,
      `Stop-work order: Paragon Solutions (US) Inc., contract ${PIID} (modification P00001)`,
      `Stop-work order lifted: Paragon Solutions (US) Inc., contract ${PIID} (modification P00002)`,
    ]) expect(page.text).toContain(`-title">${title}</h2>`);
    expect(page.text).toContain('<time datetime="2024-09-27">27 September 2024</time> · U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT · USD 2,000,000');
    expect(page.text).toContain('<dt>Organization</dt><dd><a href="/organizations/paragon-solutions-us">Paragon Solutions (US) Inc.</a></dd>');
    expect(page.text).toContain(`<dt>Contract</dt><dd><a href="/contracts/${PIID}">${PIID}</a>, modification <code>P00001</code></dd>`);
    expect(page.text).toMatch(/<a class="external" href="https:\/\/www\.usaspending\.gov\/[^"]+" rel="noopener noreferrer">Award on USAspending\.gov<\/a>/);
    expect(page.text).toContain('<dd class="event-stop-work">Stop-work order</dd>');
    expect(page.text).toMatch(/<dt>Why it matched<\/dt><dd><ul class="reasons"><li>recipient UEI [A-Z0-9]{12} is Paragon Solutions \(US\) Inc\.&#39;s<\/li>/);
  });

  it('never shows the review queue or its items to the public', async () => {
    const page = await new PortalClient(app).get('/alerts');
    expect(page.text).not.toContain('70REVIEW');
    expect(page.text).not.toContain('Review queue');
    expect(page.text).not.toContain('/alerts/review');
    expect((await new PortalClient(app).get('/alerts/review')).status).toBe(401);
    const contributor = new PortalClient(app);
    await contributor.signIn('connie', TEST_PASSWORD);
    expect((await contributor.get('/alerts/review')).status).toBe(403);
    expect((await contributor.get('/alerts')).text).not.toContain('Review queue');
  });

  it('filters by organisation and event, keeping the choice in the form', async () => {
    const stopWork = await new PortalClient(app).get('/alerts?event=stop-work');
    expect(alertIds(stopWork.text)).toHaveLength(1);
    expect(stopWork.text).toContain('<option value="stop-work" selected>Stop-work order</option>');
    expect(stopWork.text).toContain('<a href="/alerts">Clear filters</a>');
    const paragon = await new PortalClient(app).get('/alerts?organization=paragon-solutions-us&event=');
    expect(alertIds(paragon.text)).toHaveLength(3);
    expect(paragon.text).toContain('<option value="paragon-solutions-us" selected>Paragon Solutions (US) Inc.</option>');
    const none = await new PortalClient(app).get('/alerts?organization=nso-group');
    expect(none.text).toContain('No alerts match.');
    expect((await new PortalClient(app).get('/alerts?event=rumour')).status).toBe(400);
  });

  it('lists the latest alerts on the home page and announces the feed there', async () => {
    const home = await new PortalClient(app).get('/');
    expect(home.text).toContain(FEED_LINK);
    expect(home.text).toContain('<h2 id="latest-alerts">Procurement alerts</h2>');
    expect(home.text).toContain(`<strong>Stop-work order lifted</strong> of <a href="/contracts/${PIID}">contract ${PIID}</a>`);
    expect(home.text).toContain('<a href="/alerts">All procurement alerts →</a>');
    expect(home.text).toContain('<li><a href="/alerts">Alerts</a></li>');
    expect(home.text).toContain('<li><a href="/log">Log</a></li>');
  });

  it('lets an analyst confirm one review item and dismiss another through the forms', async () => {
    const analyst = new PortalClient(app);
    await analyst.signIn('ana', TEST_PASSWORD);
    const published = await analyst.get('/alerts');
    expect(published.text).toContain('<a href="/alerts/review">Review queue (2)</a>');
    const queue = await analyst.get('/alerts/review');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain('2 matches wait for review');
    expect(queue.text).toContain('<code>70REVIEW0001</code> <span class="muted">(not in the registry)</span>');
    expect(queue.text).toContain('<dt>Match score</dt><dd>0.70</dd>');
    const byPiid = (piid: string): string => {
      const article = queue.text.split('<article ').find((a) => a.includes(`contract ${piid}<`));
      return /action="\/alerts\/([0-9a-f-]{36})\/review"/.exec(article ?? '')?.[1] ?? '';
    };
    const [first, second] = [byPiid('70REVIEW0001'), byPiid('70REVIEW0002')];
    expect(first).not.toBe('');
    expect(queue.text).toContain(`<textarea id="note-${first}" name="note" rows="2" maxlength="2000"></textarea>`);
    expect(queue.text).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);

    expect((await analyst.postForm(`/alerts/${first}/review`, { decision: 'confirm' }, { withCsrf: false })).status).toBe(403);
    expect((await new PortalClient(app).postForm(`/alerts/${first}/review`, { decision: 'confirm' })).status).toBe(401);
    expect((await analyst.postForm(`/alerts/${first}/review`, { decision: 'maybe' })).status).toBe(400);
    const confirmed = await analyst.postForm(`/alerts/${first}/review`, { decision: 'confirm', note: 'same UEI in SAM.gov' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/alerts/review?done=confirmed');
    expect((await readContracts(getStore().db, ['70REVIEW0001']))[0]?.recipient?.id).toBe('paragon-solutions-us');
    const after = await analyst.get('/alerts/review?done=confirmed');
    expect(after.text).toContain('The match was confirmed: its contract is recorded and the alert published.');
    expect(after.text).toContain('1 match waits for review');

    const dismissed = await analyst.postForm(`/alerts/${second}/review`, { decision: 'dismiss', note: '' });
    expect(dismissed.status).toBe(303);
    expect(dismissed.headers.get('location')).toBe('/alerts/review?done=dismissed');
    expect((await analyst.postForm(`/alerts/${second}/review`, { decision: 'confirm' })).status).toBe(409);
    expect((await analyst.postForm('/alerts/not-a-uuid/review', { decision: 'confirm' })).status).toBe(404);

    const publicList = await new PortalClient(app).get('/alerts');
    expect(alertIds(publicList.text)).toHaveLength(4);
    expect(publicList.text).toContain('<a href="/contracts/70REVIEW0001">70REVIEW0001</a>');
    expect(publicList.text).toMatch(/Confirmed by an analyst on [^<]+: same UEI in SAM\.gov<\/p>/);
    expect(publicList.text).not.toContain('70REVIEW0002');
  });

  it('escapes hostile alert text and never links a javascript: USAspending address', async () => {
    const store = getStore();
    const base = screened[0];
    if (!base) throw new Error('nothing screened');
    const hostile = '<script>alert(1)</script>';
    await new KyselyAlertStore(store.db).insertPublic({
      id: randomUUID(), transactionKey: 'k-hostile', awardKey: 'CONT_AWD_HOSTILE', piid: '70HOSTILE0001', modification: '0', actionDate: '2026-01-02', amount: 1,
      organizationId: 'paragon-solutions-us', organizationName: `${hostile} Ltd`, event: 'award', decision: 'alert', score: 1, reasons: [`"><img src=x onerror=alert(1)>`],
      status: 'raised', transaction: { ...base.transaction, description: hostile, agencyName: hostile, subAgencyName: '', permalink: 'javascript:alert(1)' },
      origin: 'test', watchlistVersion: 'test', createdAt: new Date().toISOString(), reviewedBy: null, reviewedAt: null, reviewNote: null,
    });
    for (const path of ['/alerts', '/']) {
      const page = await new PortalClient(app).get(path);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ltd');
      expect(page.text).not.toContain('<script>alert(1)');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).not.toMatch(/href="\s*javascript:/i);
      expect(page.text).not.toMatch(/<script\b/i);
    }
    const list = await new PortalClient(app).get('/alerts');
    expect(list.text).toContain('<span class="unsafe-url">javascript:alert(1)</span>');
  });
});
