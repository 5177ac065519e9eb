import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { grantRole } from '../../../accounts/commands/grant-role.js';
import { checkPublicState } from '../../../app/check-public-state.js';
import { createCountersignApp } from '../../../app/create-countersign-app.js';
import { scopeExists } from '../../../app/scope-exists.js';
import { WORKFLOWS } from '../../../app/workflows.js';
import { runTick } from '../../../kernel/deadlines/run-tick.js';
import type { Ledger } from '../../../ledger/sequencer/ledger.js';
import { SYSTEM_CONTEXT } from '../../../../test/support/contexts.js';
import { loadBundledDataset } from '../../../../test/support/bundled-dataset.js';
import { anonymousClient, quickClient, type TestClient } from '../../../../test/support/test-app.js';
import { openTestLedger } from '../../../../test/support/test-ledger.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import type { AppEnv } from '../../app-env.js';
import { DEFAULT_RATE_LIMITS, serverSettings } from '../../server-settings.js';

const NOW = new Date('2026-11-23T18:00:00.000Z');
const SECTIONS = { useAndDataVolumes: 'a', externalSharing: 'b', whereDeployed: 'c', complaints: 'd', auditsAndViolations: 'e', dataBreaches: 'f', effectiveness: 'g', costs: 'h' };

describeEachBackend('the docket API, as a resident and the board use it on a fresh install', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let clerk: TestClient;
  let docket: string;
  const resident = () => anonymousClient(app);
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> & { items?: Record<string, unknown>[] } });

  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    ledger = await openTestLedger(store);
    const settings = serverSettings({ rateLimits: { ...DEFAULT_RATE_LIMITS, tips: { bucket: 'tips', limit: 4, windowMs: 24 * 3600 * 1000 } } });
    app = createCountersignApp({ store, ledger, now: () => NOW, settings });
    const grant = (username: string, role: string, scope: string) => store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope }, scopeExists }, tx));
    clerk = await quickClient(app, store, 'seattle-clerk', 'contributor');
    await grant('seattle-clerk', 'board-clerk', 'board:seattle');
    await quickClient(app, store, 'spd-officer', 'contributor');
    await grant('spd-officer', 'officer', 'agency:seattle-police-department');
    for (let i = 0; i < 5; i++) {
      await quickClient(app, store, `member-${i}`, 'contributor');
      await grant(`member-${i}`, 'board-member', 'board:seattle');
    }
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('opens a Seattle docket for the Seattle Police Department, a preset agency of the bundled registry', async () => {
    const officer = await quickClient(app, getStore(), 'spd-officer', 'contributor');
    const refused = await resident().request('/api/v1/dockets', { json: { jurisdiction: 'seattle', agency: 'seattle-police-department', technology: 'Automated licence plate readers', title: 'ALPR' } });
    expect(refused.status).toBe(401);
    const opened = await json(await officer.request('/api/v1/dockets', { json: { jurisdiction: 'seattle', agency: 'seattle-police-department', technology: 'Automated licence plate readers', title: 'Automated licence plate readers on patrol cars' } }));
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'proposed', statusLabel: 'Proposed', calendarUrl: expect.stringContaining('/api/v1/cases/docket/') });
    docket = String(opened.body['id']);
    const badJurisdiction = await json(await officer.request('/api/v1/dockets', { json: { jurisdiction: 'gotham', agency: 'seattle-police-department', technology: 'x-ray', title: 'X-ray' } }));
    expect(badJurisdiction.status).toBe(400);
  });

  it('publishes notice and takes anonymous comments, moderated, spam-limited, each published one with its receipt', async () => {
    expect((await clerk.request(`/api/v1/dockets/${docket}/notice`, { json: { publishedAt: '2026-11-23' } })).status).toBe(200);
    const comment = (text: string) => resident().request(`/api/v1/dockets/${docket}/comments`, { json: { text, contact: 'me@example.org' } });
    expect((await comment('Please limit retention to seven days.')).status).toBe(202);
    expect(JSON.stringify(await (await resident().request(`/api/v1/dockets/${docket}`)).json())).not.toContain('me@example.org');
    expect((await json(await resident().request(`/api/v1/dockets/${docket}/comments`))).body.items).toEqual([]);
    expect((await resident().request(`/api/v1/dockets/${docket}/comments?status=pending`)).status).toBe(401);
    const queue = await json(await clerk.request(`/api/v1/dockets/${docket}/comments?status=pending`));
    expect(queue.body.items).toEqual([expect.objectContaining({ text: 'Please limit retention to seven days.', status: 'pending' })]);
    expect(queue.body.items?.[0]?.['contact']).toBe('me@example.org');
    const id = String(queue.body.items?.[0]?.['id']);
    expect((await clerk.request(`/api/v1/dockets/${docket}/comments/${id}/moderation`, { json: { decision: 'publish' } })).status).toBe(200);
    await ledger.sequencer.integrate();
    const published = await json(await resident().request(`/api/v1/dockets/${docket}/comments`));
    expect(published.body.items).toEqual([expect.objectContaining({ text: 'Please limit retention to seven days.', receipt: expect.objectContaining({ logIndex: expect.any(Number) }) })]);
    const receipt = published.body.items?.[0]?.['receipt'] as { url: string };
    expect((await resident().request(`${receipt.url}?waitMs=0`)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await comment(`Flooding comment number ${i}.`)).status);
    expect(statuses).toContain(429);
  });

  it('records the hearing and five public votes; the decision approves with conditions', async () => {
    expect((await clerk.request(`/api/v1/dockets/${docket}/hearing`, { json: { heldOn: '2026-11-23', documents: [{ title: 'Surveillance impact report' }] } })).status).toBe(200);
    expect((await clerk.request(`/api/v1/dockets/${docket}/votes`, { json: { vote: 'yes' } })).status).toBe(403);
    for (let i = 0; i < 5; i++) {
      const member = await quickClient(app, getStore(), `member-${i}`, 'contributor');
      expect((await member.request(`/api/v1/dockets/${docket}/votes`, { json: { vote: 'yes' } })).status).toBe(201);
    }
    const votes = await json(await resident().request(`/api/v1/dockets/${docket}/votes`));
    expect(votes.body.items).toHaveLength(5);
    expect((await json(await resident().request(`/api/v1/dockets/${docket}`))).body['voteResult']).toMatchObject({ quorate: true, carried: true });
    const decided = await json(await clerk.request(`/api/v1/dockets/${docket}/decision`, { json: { outcome: 'approve-with-conditions', conditions: ['Delete non-hits within 48 hours.'], reportDueOn: '2026-09-30' } }));
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved-with-conditions', decision: { conditions: ['Delete non-hits within 48 hours.'], tally: { yes: 5, members: 9 } } });
  });

  it('shows the annual report overdue after a tick, and the deadlines in the calendar feed', async () => {
    const before = await json(await resident().request(`/api/v1/dockets/${docket}/reports`));
    expect(before.body.items).toEqual([expect.objectContaining({ dueOn: '2026-09-30', status: 'due' })]);
    await runTick({ now: NOW }, { transaction: (fn) => getStore().transaction(fn), workflows: WORKFLOWS });
    const after = await json(await resident().request(`/api/v1/dockets/${docket}/reports`));
    expect(after.body.items).toEqual([expect.objectContaining({ dueOn: '2026-09-30', status: 'overdue' })]);
    const ics = await resident().request(`/api/v1/cases/docket/${docket}/deadlines.ics`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('Annual surveillance report due');
    const officer = await quickClient(app, getStore(), 'spd-officer', 'contributor');
    expect((await officer.request(`/api/v1/dockets/${docket}/reports`, { json: { sections: SECTIONS } })).status).toBe(201);
  });

  it('records a finding for a technology used without approval; the log verifies', async () => {
    const analyst = await quickClient(app, getStore(), 'analyst', 'analyst');
    const finding = await analyst.request('/api/v1/dockets/findings', { json: { jurisdiction: 'seattle', agency: 'seattle-police-department', technology: 'Cell-site simulator', observedOn: '2026-10-01', description: 'Reported in a court filing.' } });
    expect(finding.status).toBe(201);
    expect((await json(await resident().request('/api/v1/dockets/findings?jurisdiction=seattle'))).body['total']).toBe(1);
    await ledger.sequencer.integrate();
    expect(await checkPublicState(getStore())).toEqual([]);
    // The docket's page lists its log entries (each with its proof), and their pages link back.
    const page = await (await resident().request(`/dockets/${docket}`)).text();
    expect(page).toContain('Transparency log entries');
    const index = /href="\/log\/entries\/(\d+)"/.exec(page)?.[1] ?? '';
    expect(await (await resident().request(`/log/entries/${index}`)).text()).toContain(`href="/dockets/${docket}"`);
  });
});
