import { afterAll, beforeAll, expect, it } from 'vitest';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import type { Actor } from '../../accounts/actor.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { CommandError } from '../../core/command-error.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import { transition } from '../../kernel/workflow/transition.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { readExportLicense } from '../../store/oversight/export-licenses/read-export-licenses.js';
import type { Store } from '../../store/store.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { acceptChange } from '../../registry/commands/review-change.js';
import { addRiskListEntry } from './add-risk-list-entry.js';
import { applyForExportLicense } from './apply-for-export-license.js';
import { exportLicenseWorkflow } from './export-license-workflow.js';

const APPLIED_AT = new Date('2026-11-23T10:00:00.000Z');

/** A licensing officer of the given agency. */
function licensingOfficer(agency: string): Actor {
  return { ...actorWithRole('contributor', 'licensing-officer'), grants: [{ role: 'licensing-officer', scope: { kind: 'agency', id: agency } }] };
}

describeEachBackend('export-licence review', (getStore, dialect) => {
  let ledger: Ledger;
  let store: Store;
  const ids = { agency: uniqueId('bis'), exporter: uniqueId('exporter'), endUser: uniqueId('end-user'), listed: uniqueId('listed-vendor'), listedChild: uniqueId('listed-child'), source: uniqueId('source') };
  const officer = () => contextFor(licensingOfficer(ids.agency));
  const at = (iso: string) => contextFor(licensingOfficer(ids.agency), new Date(iso));

  beforeAll(async () => {
    store = getStore();
    ledger = await openTestLedger(store);
    await givenRecords(store, {
      sources: [{ id: ids.source, title: 'Additions to the Entity List (factory)', publisher: 'Factory Register', date: '2023-07-19' }],
      organizations: [
        { id: ids.agency, name: 'Factory Bureau of Industry and Security', kind: 'government-agency', country: 'US', sources: [ids.source] },
        { id: ids.exporter, name: 'Factory Exporter Inc.', kind: 'company', country: 'US', sources: [ids.source] },
        { id: ids.endUser, name: 'Factory Ministry of Telecommunications', kind: 'government-agency', country: 'NO', sources: [ids.source] },
        { id: ids.listed, name: 'Listed Spyware S.A.', kind: 'vendor', country: 'GR', sources: [ids.source] },
        { id: ids.listedChild, name: 'Listed Spyware Subsidiary Ltd.', kind: 'vendor', country: 'IE', sources: [ids.source] },
      ],
      relationships: [{ from: ids.listedChild, type: 'subsidiary-of', to: ids.listed, sources: [ids.source] }],
      designations: [
        { subject: ids.listed, authority: 'US-BIS', list: 'Entity List', listed: '2023-07-18', reason: 'trafficking in cyber exploits', sources: [ids.source] },
        { subject: ids.listed, authority: 'US-OFAC', list: 'SDN', listed: '2024-03-05', delisted: '2025-12-30', sources: [ids.source] },
      ],
    });
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const apply = (fields: Record<string, unknown> = {}, ctx = officer()) =>
    store.transaction((tx) => applyForExportLicense({ ctx, application: { exporter: ids.exporter, item: 'Lawful-intercept management system', eccn: '5A001.j', endUser: ids.endUser, endUse: 'Lawful interception under court orders', destination: 'NO', licensingAgency: ids.agency, ...fields } }, tx));
  const step = (id: string, action: string, input: Record<string, unknown>, ctx = officer(), occurredAt?: string) =>
    store.transaction((tx) => transition({ ctx, workflow: exportLicenseWorkflow, id, action, input, ...(occurredAt ? { occurredAt } : {}) }, tx));
  const approved = async (provisos: Record<string, unknown>[], ctx = officer()) => {
    const { case: licence } = await apply({}, ctx);
    await step(licence.id, 'review', {}, ctx);
    await step(licence.id, 'approve', { note: 'End user and end use checked.', provisos }, ctx);
    return licence.id;
  };

  it('refuses an application naming a designated end user, citing the listing (authority, list, date, sources)', async () => {
    const { case: licence } = await apply({ endUser: ids.listed });
    expect(licence.status).toBe('refused');
    expect(licence.screening.designations).toEqual([
      expect.objectContaining({ party: 'end-user', subject: ids.listed, via: null, authority: 'US-BIS', list: 'Entity List', listed: '2023-07-18', sources: [ids.source] }),
    ]);
    const entry = await store.db.selectFrom('logEntries').select('entry').where('type', '=', 'oversight.export-license.refused').executeTakeFirstOrThrow();
    expect(entry.entry).toContain('Entity List');
  });

  it('counts related organisations: the subsidiary of a listed vendor as exporter is refused, via its parent', async () => {
    const { case: licence } = await apply({ exporter: ids.listedChild });
    expect(licence.status).toBe('refused');
    expect(licence.screening.designations).toEqual([expect.objectContaining({ party: 'exporter', subject: ids.listed, via: 'parent', list: 'Entity List' })]);
  });

  it('does not count a delisted designation, and applies when no party is designated', async () => {
    const { case: licence } = await apply();
    expect(licence.status).toBe('applied');
    expect(licence.screening.designations).toEqual([]);
  });

  it('refuses bad input with the field named, and unknown organisations, changing nothing', async () => {
    const before = await store.db.selectFrom('exportLicenses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const [fields, path] of [[{ eccn: '5Z001' }, 'eccn'], [{ destination: 'ZZ' }, 'destination'], [{ endUser: 'no-such-org' }, 'endUser'], [{ item: '' }, 'item']] as const) {
      const error = await apply(fields).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommandError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect((error as CommandError).issues.map((i) => i.path)).toContain(path);
    }
    const after = await store.db.selectFrom('exportLicenses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets only the licensing agency\'s officers (or an admin) decide', async () => {
    const { case: licence } = await apply();
    const other = contextFor({ ...actorWithRole('contributor', 'other-officer'), grants: [{ role: 'licensing-officer', scope: { kind: 'agency', id: ids.endUser } }] });
    await expect(step(licence.id, 'review', {}, other)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(step(licence.id, 'review', {}, contextFor(actorWithRole('admin')))).resolves.toMatchObject({ to: 'under-review' });
  });

  it("lets the exporter's vendor representative apply and file evidence, but not decide", async () => {
    const representative = contextFor({ ...actorWithRole('contributor', 'exporter-rep'), grants: [{ role: 'vendor-representative', scope: { kind: 'vendor', id: ids.exporter } }] });
    const { case: licence } = await apply({}, representative);
    await expect(step(licence.id, 'review', {}, representative)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await step(licence.id, 'review', {});
    await step(licence.id, 'approve', { note: 'Checked', provisos: [{ kind: 'due-diligence-report', text: 'Annual report', dueDate: '2027-11-23' }] });
    const [proviso] = (await readExportLicense(store.db, licence.id))?.provisos ?? [];
    await step(licence.id, 'record-evidence', { proviso: proviso?.id, summary: 'First annual report', url: 'https://example.org/report.pdf' }, representative);
    expect((await readExportLicense(store.db, licence.id))?.provisos[0]).toMatchObject({ status: 'met', evidence: [expect.objectContaining({ summary: 'First annual report' })] });
    await expect(apply({ exporter: ids.listedChild }, representative)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('flags a proviso past due after a tick, and not one whose evidence came in time', async () => {
    const id = await approved([
      { kind: 'due-diligence-report', text: 'Quarterly human-rights due-diligence report', dueDate: '2026-12-01' },
      { kind: 'legitimate-use-limit', text: 'Only for interception under court orders', dueDate: '2026-12-01' },
      { kind: 'notify-misuse', text: 'Notify the Department of any misuse at once' },
    ]);
    const before = await readExportLicense(store.db, id);
    const limit = before?.provisos[1];
    if (!limit) throw new Error('no second proviso');
    await step(id, 'record-evidence', { proviso: limit.id, summary: 'Audit of the deployment by an independent auditor' }, at('2026-11-30T10:00:00Z'));
    const report = await runTick({ now: new Date('2026-12-03T00:00:00Z') }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
    expect(report.failed).toEqual([]);
    const view = await readExportLicense(store.db, id);
    expect(view?.provisos.map((p) => [p.kind, p.status, p.overdueAt !== null])).toEqual([['due-diligence-report', 'open', true], ['legitimate-use-limit', 'met', false], ['notify-misuse', 'open', false]]);
    expect(view?.steps.map((s) => s.step)).toContain('proviso-overdue');
  });

  it('sends a licence to revocation review when an incident is attributed to its end user, with the incident linked', async () => {
    const id = await approved([{ kind: 'clawback', text: 'Return or disable the system on revocation' }]);
    const bystander = await approved([{ kind: 'clawback', text: 'Return or disable the system on revocation' }]);
    await store.transaction((tx) => transition({ ctx: officer(), workflow: exportLicenseWorkflow, id: bystander, action: 'open-revocation-review', input: { reasons: 'Routine check' } }, tx));
    const incident = uniqueId('incident');
    await givenRecords(store, { incidents: [{ id: incident, title: 'Journalists targeted with the licensed system', vendor: ids.endUser, countries: ['SE'], sources: [ids.source] }] });
    const view = await readExportLicense(store.db, id);
    expect(view?.license.status).toBe('revocation-review');
    expect(view?.incidents.map((i) => i.id)).toEqual([incident]);
    expect(view?.steps.at(-1)).toMatchObject({ step: 'revocation-review-opened', incidentId: incident });
    // Writing the incident again is no new evidence; revoking is a recorded step with reasons.
    await givenRecords(store, { incidents: [{ id: incident, title: 'Journalists targeted with the licensed system (updated)', vendor: ids.endUser, sources: [ids.source] }] });
    await step(id, 'revoke', { reasons: 'The end user used the item against journalists.' });
    expect((await readExportLicense(store.db, id))?.license).toMatchObject({ status: 'revoked', revocationReasons: 'The end user used the item against journalists.' });
    await expect(step(id, 'reinstate', { reasons: 'Changed our mind.' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // A licence already under review gains the incident as more evidence, once.
    expect((await readExportLicense(store.db, bystander))).toMatchObject({ license: { status: 'revocation-review' }, incidents: [{ id: incident }] });
    expect((await readExportLicense(store.db, bystander))?.steps.filter((s) => s.step === 'incident-linked')).toHaveLength(1);
  });

  it('reacts the same when the incident comes through an accepted proposal (the editorial path)', async () => {
    const id = await approved([{ kind: 'clawback', text: 'Return or disable the system on revocation' }]);
    const incident = uniqueId('incident');
    const proposal = await store.transaction((tx) => proposeChange({ ctx: contextFor(actorWithRole('analyst')), proposal: { action: 'upsert', recordType: 'incident', record: { id: incident, title: 'Opposition politicians targeted', vendors: [ids.listedChild, ids.endUser], sources: [ids.source] } } }, tx));
    expect((await readExportLicense(store.db, id))?.license.status).toBe('approved');
    await store.transaction((tx) => acceptChange({ ctx: contextFor(actorWithRole('editor')), changeId: proposal.id, note: 'sourced' }, tx));
    expect((await readExportLicense(store.db, id))?.incidents.map((i) => i.id)).toEqual([incident]);
  });

  it('treats a new designation of the end user\'s parent as new evidence, and never approves a party designated since applying', async () => {
    const [parent, child] = [uniqueId('parent'), uniqueId('child')];
    await givenRecords(store, {
      organizations: [{ id: parent, name: 'Parent Holdings', kind: 'company', sources: [ids.source] }, { id: child, name: 'Child Agency Services', kind: 'company', sources: [ids.source] }],
      relationships: [{ from: child, type: 'subsidiary-of', to: parent, sources: [ids.source] }],
    });
    const { case: licensed } = await apply({ endUser: child });
    await step(licensed.id, 'review', {});
    await step(licensed.id, 'approve', { note: 'Checked', provisos: [{ kind: 'clawback', text: 'Clawback on misuse' }] });
    const { case: pending } = await apply({ endUser: child });
    await step(pending.id, 'review', {});
    await givenRecords(store, { designations: [{ subject: parent, authority: 'US-BIS', list: 'Entity List', listed: '2026-11-01', sources: [ids.source] }] });
    const view = await readExportLicense(store.db, licensed.id);
    expect(view?.license.status).toBe('revocation-review');
    expect(view?.steps.at(-1)?.note).toContain('US-BIS Entity List, listed 2026-11-01');
    const refused = await step(pending.id, 'approve', { note: 'Checked', provisos: [{ kind: 'clawback', text: 'Clawback on misuse' }] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(String(refused)).toContain('Entity List');
    await step(pending.id, 'deny', { reasons: 'The end user\'s parent is on the Entity List.' });
  });

  it('sends licences for a destination to revocation review on an incident there', async () => {
    const { case: licence } = await apply({ destination: 'SE' });
    await step(licence.id, 'review', {});
    await step(licence.id, 'approve', { note: 'Checked', provisos: [{ kind: 'clawback', text: 'Clawback on misuse' }] });
    await givenRecords(store, { incidents: [{ id: uniqueId('incident'), title: 'Activists targeted in Sweden', countries: ['SE'], sources: [ids.source] }] });
    expect((await readExportLicense(store.db, licence.id))?.license.status).toBe('revocation-review');
    await step(licence.id, 'reinstate', { reasons: 'The incident predates the licence and concerns another system.' });
    expect((await readExportLicense(store.db, licence.id))?.license.status).toBe('approved');
  });

  it('requires due-diligence and notify-misuse provisos for a risk-listed destination, and risk entries cite registry sources', async () => {
    await expect(store.transaction((tx) => addRiskListEntry({ ctx: contextFor(actorWithRole('admin')), entry: { country: 'DK', reason: 'A factory source states something.', sources: ['no-such-source'] } }, tx))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(store.transaction((tx) => addRiskListEntry({ ctx: officer(), entry: { country: 'DK', reason: 'A factory source states something.', sources: [ids.source] } }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await store.transaction((tx) => addRiskListEntry({ ctx: contextFor(actorWithRole('admin')), entry: { country: 'DK', reason: 'A factory source states something.', sources: [ids.source] } }, tx));
    const { case: licence } = await apply({ destination: 'DK' });
    expect(licence.screening.riskEntries).toHaveLength(1);
    await step(licence.id, 'review', {});
    await expect(step(licence.id, 'approve', { note: 'Checked', provisos: [{ kind: 'clawback', text: 'Clawback on misuse' }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await step(licence.id, 'approve', { note: 'Checked', provisos: [{ kind: 'due-diligence-report', text: 'Annual report', dueDate: '2027-11-23' }, { kind: 'notify-misuse', text: 'Notify misuse' }] });
  });

  it('accepts an approval dated earlier (backdated), whose past-due proviso the next tick flags', async () => {
    const { case: licence } = await store.transaction((tx) => applyForExportLicense({ ctx: officer(), application: { exporter: ids.exporter, item: 'Interception probe', eccn: '5a001.j', endUser: ids.endUser, endUse: 'Lawful interception', destination: 'NO', licensingAgency: ids.agency }, occurredAt: '2026-01-05' }, tx));
    expect(licence.eccn).toBe('5A001.j');
    await expect(step(licence.id, 'review', {}, officer(), '2025-12-31')).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'occurredAt' }] });
    await expect(step(licence.id, 'review', {}, officer(), '2027-01-01')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await step(licence.id, 'review', {}, officer(), '2026-01-10');
    await step(licence.id, 'approve', { note: 'Checked', provisos: [{ kind: 'due-diligence-report', text: 'Report', dueDate: '2026-06-30' }] }, officer(), '2026-02-01');
    await runTick({ now: APPLIED_AT }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
    expect((await readExportLicense(store.db, licence.id))?.provisos[0]?.overdueAt).not.toBeNull();
  });

  it('replays: the licences, provisos, steps, links and risk entries rebuild from the log alone', async () => {
    await ledger.sequencer.integrate();
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(store, target.store);
      expect(outcome.differences).toEqual([]);
      expect(outcome.replayed.digest).toBe(outcome.live.digest);
      const statuses = (await target.store.db.selectFrom('exportLicenses').select('status').execute()).map((r) => r.status);
      expect(new Set(statuses)).toEqual(new Set(['refused', 'applied', 'under-review', 'approved', 'denied', 'revocation-review', 'revoked']));
      expect(await target.store.db.selectFrom('exportLicenseProvisos').select('id').where('overdueAt', 'is not', null).execute()).toHaveLength(2);
    } finally {
      await target.dispose();
    }
  });
});
