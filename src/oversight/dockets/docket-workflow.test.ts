import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import type { ScopedRole } from '../../accounts/scoped-roles.js';
import { checkPublicState } from '../../app/check-public-state.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import type { Store } from '../../store/store.js';
import { docketStep, openDocket } from './open-docket.js';
import { recordDocketFinding } from './record-docket-finding.js';

const NOW = new Date('2026-11-23T18:00:00.000Z');

function withGrant(name: string, role: ScopedRole, kind: 'agency' | 'board', id: string): Actor {
  return { ...actorWithRole('contributor', name), grants: [{ role, scope: { kind, id } }] };
}

const SECTIONS = { useAndDataVolumes: 'Used 12 times; 3,400 images.', externalSharing: 'None.', whereDeployed: 'Precincts 1 and 4.', complaints: 'Two, answered.', auditsAndViolations: 'One audit, no violation.', dataBreaches: 'None.', effectiveness: 'No arrests attributed.', costs: '$120,000 licence, general fund.' };

describeEachBackend('a Seattle docket from notice to an approval with conditions, its overdue report, and the log', (getStore, dialect) => {
  let store: Store;
  let ledger: Ledger;
  let agency: string;
  let product: string;
  let docketId: string;
  const clerk = withGrant('clerk', 'board-clerk', 'board', 'seattle');
  const members = Array.from({ length: 6 }, (_, i) => withGrant(`member-${i}`, 'board-member', 'board', 'seattle'));
  const anonymous = contextFor(actorWithRole('public'), NOW);
  const at = (actor: Actor) => contextFor(actor, NOW);
  const step = (actor: Actor, action: string, input: unknown, now = NOW) => store.transaction((tx) => docketStep({ ctx: contextFor(actor, now), id: docketId, action, input }, tx));
  const entryCount = async () => Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    store = getStore();
    ledger = await openTestLedger(store);
    const source = uniqueId('source');
    const vendor = uniqueId('vendor');
    agency = uniqueId('police');
    product = uniqueId('camera');
    await givenRecords(store, {
      sources: [{ id: source, title: 'Factory report', publisher: 'Factory Press', date: '2025-01-01' }],
      organizations: [
        { id: vendor, name: 'Lens Vendor Ltd.', kind: 'vendor', sources: [source] },
        { id: agency, name: 'Factory Police Department', kind: 'government-agency', country: 'US', sources: [source] },
      ],
      products: [{ id: product, name: 'Lens Camera', vendor, sources: [source] }],
    });
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('opens for the agency\'s officer only, links the registry product and its vendor', async () => {
    const outsider = withGrant('other-officer', 'officer', 'agency', 'some-other-agency');
    const input = { jurisdiction: 'seattle', agency, technology: product, title: 'Lens cameras at precincts', proposal: { impactReport: { purpose: 'Find stolen cars.' }, usePolicy: { retention: '30 days.' } } };
    await expect(store.transaction((tx) => openDocket({ ctx: at(outsider), docket: input }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(store.transaction((tx) => openDocket({ ctx: at(withGrant('o', 'officer', 'agency', agency)), docket: { ...input, jurisdiction: 'gotham' } }, tx))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const docket = await store.transaction((tx) => openDocket({ ctx: at(withGrant('officer', 'officer', 'agency', agency)), docket: input }, tx));
    docketId = docket.id;
    expect(docket).toMatchObject({ status: 'proposed', product, vendor: expect.stringMatching(/^vendor-/), proposal: { impactReport: { purpose: 'Find stolen cars.' } } });
  });

  it('publishes notice: the comment period runs 30 days by the Seattle preset', async () => {
    await expect(step(members[0] as Actor, 'notice', { publishedAt: '2026-11-23' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(step(clerk, 'notice', { publishedAt: '2026-12-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { docket } = await step(clerk, 'notice', { publishedAt: '2026-11-23' });
    expect(docket.status).toBe('noticed');
    expect(docket.notice).toMatchObject({ commentsCloseOn: '2026-12-23', hearingFromOn: '2026-12-07', earliestUseOn: null });
  });

  it('takes comments from anyone without an account, sealed until the clerk publishes them', async () => {
    const comment = (text: string, contact?: string) => store.transaction((tx) => docketStep({ ctx: anonymous, id: docketId, action: 'comment', input: { text, ...(contact ? { contact } : {}) } }, tx));
    await comment('Thirty days of retention is too long.', 'resident@example.org');
    await comment('Buy my miracle pills today!!!');
    const entries = await store.db.selectFrom('logEntries').select('entry').where('type', '=', 'oversight.docket.comment-submitted').execute();
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(e.entry).not.toMatch(/retention is too long|miracle|resident@example/);
    const rows = await store.db.selectFrom('docketComments').select(['id', 'text', 'status']).where('docketId', '=', docketId).execute();
    expect(rows.map((r) => [r.status, r.text])).toEqual([['pending', null], ['pending', null]]);
    const comments = await Promise.all(rows.map((r) => store.transaction((tx) => tx.dockets.getComment(r.id))));
    const real = comments.find((c) => c?.text?.includes('retention'));
    const spam = comments.find((c) => c?.text?.includes('pills'));
    await expect(step(actorWithRole('public'), 'moderate', { comment: real?.id, decision: 'publish' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const published = await step(clerk, 'moderate', { comment: real?.id, decision: 'publish' });
    await step(clerk, 'moderate', { comment: spam?.id, decision: 'reject' });
    await expect(step(clerk, 'moderate', { comment: spam?.id, decision: 'publish' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.transaction((tx) => tx.dockets.getComment(real?.id ?? ''))).toMatchObject({ status: 'published', text: 'Thirty days of retention is too long.', publishedEntryId: published.entryId });
    const rejected = await store.db.selectFrom('docketComments').select(['status', 'text']).where('id', '=', spam?.id ?? '').executeTakeFirstOrThrow();
    expect(rejected).toEqual({ status: 'rejected', text: null });
  });

  it('records the hearing with its documents, then public votes by members of this board only', async () => {
    await step(clerk, 'hearing', { heldOn: '2026-11-23', summary: 'Twelve speakers.', documents: [{ title: 'Impact report', url: 'https://example.org/sir.pdf' }] });
    const oakland = withGrant('oakland-member', 'board-member', 'board', 'oakland');
    await expect(step(oakland, 'vote', { vote: 'yes' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const before = await entryCount();
    await expect(step(clerk, 'decide', { outcome: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('quorum') });
    expect(await entryCount()).toBe(before);
    for (const [i, member] of members.entries()) await step(member, 'vote', { vote: i === 5 ? 'no' : 'yes', ...(i === 5 ? { note: 'Retention too long.' } : {}) });
    await expect(step(members[0] as Actor, 'vote', { vote: 'no' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.transaction((tx) => tx.dockets.votesOf(docketId))).toHaveLength(6);
  });

  it('decides as the votes carried it: approval with conditions, decided before the comment period ended', async () => {
    await expect(step(clerk, 'decide', { outcome: 'reject' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(step(clerk, 'decide', { outcome: 'approve-with-conditions' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { docket } = await step(clerk, 'decide', { outcome: 'approve-with-conditions', conditions: ['Retention at most 7 days.', 'No sharing with federal agencies.'], reportDueOn: '2026-06-30' });
    expect(docket.status).toBe('approved-with-conditions');
    expect(docket.decision).toMatchObject({ outcome: 'approve-with-conditions', beforeCommentsClosed: true, tally: { yes: 5, no: 1, abstain: 0, members: 9 } });
    expect(docket.reportDueOn).toBe('2026-06-30');
  });

  it('flags the report overdue after a tick, then takes it late and sets the next one due', async () => {
    const report = () => store.db.selectFrom('docketReports').selectAll().where('docketId', '=', docketId).orderBy('dueOn').execute();
    expect((await report())[0]?.status).toBe('due');
    const ticked = await runTick({ now: NOW }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
    expect(ticked.transitioned).toBeGreaterThanOrEqual(1);
    expect((await report())[0]).toMatchObject({ dueOn: '2026-06-30', status: 'overdue' });
    await expect(step(withGrant('officer', 'officer', 'agency', agency), 'fileReport', { sections: { ...SECTIONS, costs: undefined } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await step(withGrant('officer', 'officer', 'agency', agency), 'fileReport', { sections: SECTIONS });
    const reports = await report();
    expect(reports.map((r) => [r.dueOn, r.status, Number(r.late)])).toEqual([['2026-06-30', 'filed', 1], ['2027-06-30', 'due', 0]]);
  });

  it('records a use without an approved docket as a finding, and refuses one for the approved technology', async () => {
    const analyst = contextFor(actorWithRole('analyst'), NOW);
    await expect(store.transaction((tx) => recordDocketFinding({ ctx: analyst, finding: { jurisdiction: 'seattle', agency, technology: product, observedOn: '2026-10-01', description: 'Cameras seen at a protest.' } }, tx))).rejects.toMatchObject({ code: 'CONFLICT' });
    const finding = await store.transaction((tx) => recordDocketFinding({ ctx: analyst, finding: { jurisdiction: 'seattle', agency, technology: 'cell-site simulator', observedOn: '2026-10-01', description: 'A cell-site simulator used at a protest, per court records.' } }, tx));
    expect(finding.technology).toBe('cell-site simulator');
    await expect(store.transaction((tx) => recordDocketFinding({ ctx: contextFor(actorWithRole('contributor'), NOW), finding: { jurisdiction: 'seattle', agency, technology: 'drone', observedOn: '2026-10-01', description: 'A drone over a march.' } }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the log verifies and replays every docket item; the rejected comment and the contact stay out of public state', async () => {
    await ledger.sequencer.integrate();
    expect(await checkPublicState(store)).toEqual([]);
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(store, target.store);
      expect(outcome.differences).toEqual([]);
      expect(outcome.replayed.digest).toBe(outcome.live.digest);
      const comments = await target.store.db.selectFrom('docketComments').select(['text', 'status']).execute();
      expect(comments).toEqual([{ text: 'Thirty days of retention is too long.', status: 'published' }]);
      const docket = await target.store.db.selectFrom('dockets').select(['status']).where('id', '=', docketId).executeTakeFirstOrThrow();
      expect(docket.status).toBe('approved-with-conditions');
      expect(await target.store.db.selectFrom('docketVotes').select('vote').execute()).toHaveLength(6);
    } finally {
      await target.dispose();
    }
  });
});
