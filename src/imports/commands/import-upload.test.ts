import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { CommandError } from '../../core/command-error.js';
import { projectRoot } from '../../core/project-root.js';
import { acceptChange, rejectChange } from '../../registry/commands/review-change.js';
import { readChanges } from '../../store/registry/kysely-registry-store.js';
import type { Store } from '../../store/store.js';
import type { ImportFormat } from '../import-batch.js';
import type { ImportReport } from '../import-report.js';
import { settleDryRun } from './import-file.js';
import { importUpload, type UploadOptions } from './import-upload.js';

const fixture = (name: string): Uint8Array => readFileSync(join(projectRoot(), 'test', 'fixtures', 'imports', name));
const editor = contextFor(actorWithRole('editor'));

function run(store: Store, format: ImportFormat, fileName: string, bytes: Uint8Array, dryRun = false, options: UploadOptions = {}): Promise<ImportReport> {
  return settleDryRun(store.transaction((tx) => importUpload({ ctx: SYSTEM_CONTEXT, format, fileName, bytes, options, dryRun }, tx)));
}

/** Everything an import could change, counted. */
async function counts(store: Store): Promise<Record<string, number>> {
  const tables = ['organizations', 'people', 'relationships', 'designations', 'incidents', 'sources', 'changes', 'logEntries', 'sealedValues'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

const item = (report: ImportReport, label: string) => {
  const found = report.items.find((i) => i.label === label);
  if (!found) throw new Error(`no report item "${label}" in ${report.items.map((i) => i.label).join(', ')}`);
  return found;
};

describeEachBackend('importing what peer projects publish', (getStore, dialect) => {
  beforeAll(async () => {
    await givenRecords(getStore(), {
      sources: [{ id: 'peer-report', title: 'A report', publisher: 'Example', date: '2024-01-01' }],
      organizations: [
        { id: 'corvid-signals', name: 'Corvid Signals Limited', kind: 'vendor', country: 'GB', sources: ['peer-report'], status: 'documented' },
        { id: 'nimbus-intercept', name: 'Nimbus Intercept GmbH', kind: 'vendor', country: 'AT', sources: ['peer-report'] },
      ],
    });
  });

  it('a dry run of an SII file reports everything and writes nothing', async () => {
    const store = getStore();
    const before = await counts(store);
    const report = await run(store, 'sii', 'companies.json', fixture('sii-companies.json'), true);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toMatchObject({ merged: 1, queued: 1 });
    expect(report.counts.created).toBeGreaterThan(3);
    expect(await counts(store)).toEqual(before);
  });

  it('an SII file: the known vendor merged, the near one queued with reasons, the rest created as reported; the second import changes nothing', async () => {
    const store = getStore();
    const report = await run(store, 'sii', 'companies.json', fixture('sii-companies.json'));
    expect(item(report, 'Corvid Signals Ltd')).toMatchObject({ outcome: 'merged', recordId: 'corvid-signals', changed: true, line: 2 });
    const nimbus = item(report, 'Nimbus Intercept Systems');
    expect(nimbus).toMatchObject({ outcome: 'queued', recordId: 'nimbus-intercept' });
    expect(nimbus.reasons.join(' ')).toMatch(/partial match/);
    expect(item(report, 'Quillmark Analytics')).toMatchObject({ outcome: 'created', recordId: 'quillmark-analytics' });
    expect(item(report, 'Pelagic Systèmes')).toMatchObject({ outcome: 'created' });
    expect(item(report, 'Dana Whitfield officer of Quillmark Analytics')).toMatchObject({ outcome: 'created', recordType: 'relationship' });

    const corvid = await store.transaction((tx) => tx.registry.getRecord('organization', 'corvid-signals'));
    expect(corvid).toMatchObject({ name: 'Corvid Signals Limited', aliases: ['Corvid Signals Ltd'], status: 'documented' });
    expect(corvid?.sources).toEqual(['peer-report', report.source].sort());
    const source = await store.transaction((tx) => tx.registry.getRecord('source', report.source));
    expect(source?.licence).toMatch(/not stated/);
    const quillmark = await store.transaction((tx) => tx.registry.getRecord('organization', 'quillmark-analytics'));
    expect(quillmark).toMatchObject({ kind: 'vendor', country: 'DE', locality: 'Leipzig', status: 'reported' });
    expect(quillmark?.notes).toContain('selling: Analysis, Internet Monitoring');
    expect(quillmark?.sources).toHaveLength(2);
    const news = await store.transaction((tx) => tx.registry.getRecord('source', quillmark?.sources.find((s) => s.startsWith('web-')) ?? ''));
    expect(news).toMatchObject({ title: "Quillmark's exports under scrutiny", date: '2014-12-12', url: 'https://news.example.org/2014/quillmark-exports' });
    const officer = await store.transaction((tx) => tx.registry.getRecord('relationship', 'dana-whitfield--officer-of--quillmark-analytics'));
    expect(officer).toMatchObject({ asOf: '2016-04-15', status: 'reported' });

    const pending = await readChanges(store.db, await store.db.selectFrom('changes').selectAll().where('status', '=', 'pending').execute());
    expect(pending).toHaveLength(1);
    expect(JSON.stringify(pending[0]?.data)).toMatch(/may be Nimbus Intercept GmbH.*partial match/);

    const before = await counts(store);
    const again = await run(store, 'sii', 'companies.json', fixture('sii-companies.json'));
    expect(again).toMatchObject({ written: 0, proposed: 0, counts: { created: 0, queued: 1 } });
    expect(await counts(store)).toEqual(before);
  });

  it('an Atlas CSV: agencies by ORI or name and state, vendors merged into known ones, deployments as supplier-to relationships; twice changes nothing', async () => {
    const store = getStore();
    const report = await run(store, 'atlas', 'atlas.csv', fixture('atlas-of-surveillance.csv'));
    expect(report.licence).toBe('CC BY 4.0');
    const agencies = report.items.filter((i) => i.label === 'Kestrel Bay Police Department');
    expect(agencies.map((a) => [a.outcome, a.recordId])).toEqual([['created', 'kestrel-bay-police-department-kestrel-bay-wa'], ['created', 'kestrel-bay-police-department-kestrel-bay-me']]);
    expect(item(report, 'Corvid Signals Ltd')).toMatchObject({ outcome: 'merged', recordId: 'corvid-signals' });
    // The quoted summary spans two lines: the row still starts on line 5.
    expect(item(report, "Lakeshore Plate Systems supplies Face Recognition to Penobscot County Sheriff's Office (AOS900004)").line).toBe(5);
    const wa = await store.transaction((tx) => tx.registry.getRecord('organization', 'kestrel-bay-police-department-kestrel-bay-wa'));
    expect(wa).toMatchObject({ kind: 'government-agency', country: 'US', locality: 'Kestrel Bay, WA', identifiers: { ori: 'WA0990000' } });
    expect(wa?.notes).toContain('Body-worn Cameras (Corvid Signals Ltd; AOS900002)');
    const deployment = await store.transaction((tx) => tx.registry.getRecord('relationship', 'aos-aos900002'));
    expect(deployment).toMatchObject({ from: 'corvid-signals', type: 'supplier-to', to: 'kestrel-bay-police-department-kestrel-bay-wa', asOf: '2020-11-02' });
    expect(deployment?.sources).toHaveLength(2);
    const me = await store.transaction((tx) => tx.registry.getRecord('organization', 'kestrel-bay-police-department-kestrel-bay-me'));
    expect(me?.identifiers).toBeUndefined();
    expect(me?.notes).toContain('Drones (vendor not named; AOS900003)');

    const before = await counts(store);
    const again = await run(store, 'atlas', 'atlas.csv', fixture('atlas-of-surveillance.csv'));
    expect(again.written).toBe(0);
    expect(await counts(store)).toEqual(before);
  });

  it('FtM entities: the known company merged with its LEI, a designation recorded, ownership with its stake; unknown authorities and schemata refused by line', async () => {
    const store = getStore();
    const report = await run(store, 'ftm', 'entities.ftm.json', fixture('ftm-entities.ftm.json'));
    expect(item(report, 'Corvid Signals Limited')).toMatchObject({ outcome: 'merged', recordId: 'corvid-signals' });
    expect(item(report, 'Marrow Holdings plc')).toMatchObject({ outcome: 'merged' });
    expect(item(report, 'Dana Whitfield')).toMatchObject({ outcome: 'merged', recordType: 'person' });
    expect(item(report, 'Sanction ex-sanction-2')).toMatchObject({ outcome: 'rejected', line: 5, reasons: ['authority "Ministry of Examples" has no registry code'] });
    expect(item(report, 'Address ex-address-1')).toMatchObject({ outcome: 'rejected', line: 8 });
    const corvid = await store.transaction((tx) => tx.registry.getRecord('organization', 'corvid-signals'));
    expect(corvid?.identifiers).toEqual({ lei: '5493000CORVIDSIG0135' });
    const designation = await store.transaction((tx) => tx.registry.getRecord('designation', 'corvid-signals--us-bis--entity-list--2024-03-05'));
    expect(designation).toMatchObject({ authority: 'US-BIS', list: 'Entity List', status: 'reported' });
    const marrow = item(report, 'Marrow Holdings plc').recordId ?? '';
    const ownership = await store.transaction((tx) => tx.registry.getRecord('relationship', `${marrow}--owner-of--corvid-signals`));
    expect(ownership).toMatchObject({ stakePercent: 60, date: '2019-07' });
    expect((await store.transaction((tx) => tx.registry.getRecord('organization', marrow)))?.identifiers).toEqual({ isin: 'GB00MARROW03' });
  });

  it('a GranittHQ file becomes incidents of the spyware named, citing the rows\' sources and the CC BY-NC-SA file', async () => {
    const store = getStore();
    await givenRecords(store, { sources: [{ id: 'spy-src', title: 'Spy report' }], products: [{ id: 'examplespy', name: 'ExampleSpy', vendor: 'corvid-signals', sources: ['spy-src'] }] });
    const report = await run(store, 'granitt', 'victims.csv', fixture('granitt-format-victims.csv'), false, { spyware: 'examplespy' });
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    const incident = await store.transaction((tx) => tx.registry.getRecord('incident', 'granitt-examplespy-ada-example-2020'));
    expect(incident).toMatchObject({ title: 'Ada Example (Journalist, Example Gazette) targeted with ExampleSpy', countries: ['MX'], targetCategories: ['journalist'], products: ['examplespy'], vendors: ['corvid-signals'], forensicConfirmation: 'Forensic analysis by Example Lab, Second Example Lab' });
    expect(incident?.sources).toHaveLength(3);
    // An incident's notes are stored (they were dropped before migration 0080 gave them a column).
    expect(incident?.notes).toBe('On the Pegasus Project list.');
    expect((await store.transaction((tx) => tx.registry.getRecord('incident', 'granitt-examplespy-target-b-2019')))?.countries).toEqual(['AE']);
    const before = await counts(store);
    await expect(run(store, 'granitt', 'victims.csv', fixture('granitt-format-victims.csv'), false, { spyware: 'no-such-spyware' })).rejects.toThrow(/no product or vendor named "no-such-spyware"/);
    const third = await run(store, 'granitt', 'victims.csv', fixture('granitt-format-victims.csv'), false, { spyware: 'ExampleSpy' });
    expect(third.written).toBe(0);
    expect(await counts(store)).toEqual(before);
  });

  it('a malformed file is rejected whole, naming the place, and writes nothing', async () => {
    const store = getStore();
    const before = await counts(store);
    const companies = JSON.parse(new TextDecoder().decode(fixture('sii-companies.json')));
    companies.push({ company_name: 'Brand New Vendor' });
    companies[1].technology_sold = 'Intrusion';
    const bad = new TextEncoder().encode(JSON.stringify(companies, null, 2));
    const error = await run(store, 'sii', 'bad.json', bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).message).toMatch(/^bad\.json rejected, nothing was written: line \d+: \[1\]\.technology_sold: /);
    const csv = new TextDecoder().decode(fixture('atlas-of-surveillance.csv')).replace('"AOS900003","XX0000901UAV",', '"AOS900003",');
    await expect(run(store, 'atlas', 'bad.csv', new TextEncoder().encode(csv))).rejects.toThrow(/^bad\.csv rejected, nothing was written: line 4: 27 fields where the header has 28/);
    await expect(run(store, 'ftm', 'bad.ftm.json', new TextEncoder().encode('{"id": "x", "schema": "Company", "properties": {}}\n{"id": 1}\n'))).rejects.toThrow(/line 2: id/);
    await expect(run(store, 'atlas', 'not-atlas.csv', new TextEncoder().encode('name,city\nA,B\n'))).rejects.toThrow(/not an Atlas of Surveillance CSV: the header lacks "AOSNUMBER"/);
    expect(await counts(store)).toEqual(before);
  });

  it('an accepted proposal makes the next import merge; a rejected one makes it create the record', async () => {
    const store = getStore();
    const pending = await store.db.selectFrom('changes').select('id').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(1);
    await store.transaction((tx) => rejectChange({ ctx: editor, changeId: pending[0]?.id ?? '', note: 'another firm' }, tx));
    const report = await run(store, 'sii', 'companies.json', fixture('sii-companies.json'));
    expect(item(report, 'Nimbus Intercept Systems')).toMatchObject({ outcome: 'created', recordId: 'nimbus-intercept-systems', reasons: ['an editor rejected merging it into Nimbus Intercept GmbH, so it is a record of its own'] });

    // A second file naming the other one again: queued, accepted, and then merged without asking.
    const other = new TextEncoder().encode(JSON.stringify([{ bibtex_key: 'Q2', company_name: 'Quillmark Analytics Systems', hq_country: ['Germany'] }]));
    const first = await run(store, 'sii', 'other.json', other);
    expect(item(first, 'Quillmark Analytics Systems').outcome).toBe('queued');
    const change = await store.db.selectFrom('changes').select('id').where('status', '=', 'pending').executeTakeFirstOrThrow();
    await store.transaction((tx) => acceptChange({ ctx: editor, changeId: change.id }, tx));
    expect(item(await run(store, 'sii', 'other.json', other), 'Quillmark Analytics Systems')).toMatchObject({ outcome: 'merged', recordId: 'quillmark-analytics', changed: false });
  });

  it('replaying the log rebuilds what the imports wrote', async () => {
    const ledger = await openTestLedger(getStore());
    await ledger.sequencer.integrate();
    await ledger.close();
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(getStore(), target.store);
      expect(outcome.differences).toEqual([]);
    } finally {
      await target.dispose();
    }
  });

  it('refuses an import by anyone but an admin', async () => {
    await expect(getStore().transaction((tx) => importUpload({ ctx: editor, format: 'sii', fileName: 'c.json', bytes: fixture('sii-companies.json'), options: {} }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
