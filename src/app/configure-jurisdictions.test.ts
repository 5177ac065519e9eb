import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorWithRole, contextFor } from '../../test/support/contexts.js';
import { givenOrganization } from '../../test/support/registry-factories.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { allJurisdictions, jurisdictionPreset, OAKLAND_REPORT_SECTIONS } from '../oversight/dockets/jurisdiction-presets.js';
import { docketStep, openDocket } from '../oversight/dockets/open-docket.js';
import { configureJurisdictionsFromEnvironment } from './configure-jurisdictions.js';
import { scopeExists } from './scope-exists.js';

/** An invented jurisdiction: every number here is configured, none is any real ordinance's. */
const TESTVILLE = {
  id: 'testville', name: 'Testville', ordinance: { citation: 'Testville Code 1.1 (invented)', source: 'testville-code' },
  board: { id: 'testville', name: 'Testville Council', members: { value: 3, citation: 'Testville Code 1.1', basis: 'configured', note: 'Invented for a test.' } },
  agency: 'testville-police', calendar: 'us-federal',
  noticeLeadDays: { value: 7, citation: 'Testville Code 1.2', basis: 'ordinance' },
  commentPeriodDays: { value: 10, citation: 'Testville Code 1.3', basis: 'ordinance' },
  postBeforeUseDays: { value: null, citation: 'Testville Code 1.4', basis: 'ordinance' },
  quorum: { value: 2, citation: 'Testville Code 1.5', basis: 'ordinance' },
  majority: { value: 'of-votes-cast', citation: 'Testville Code 1.5', basis: 'ordinance' },
  reportIntervalMonths: { value: 6, citation: 'Testville Code 1.6', basis: 'ordinance' },
  reportSections: OAKLAND_REPORT_SECTIONS,
};

function fileWith(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jurisdictions-')), 'jurisdictions.json');
  writeFileSync(path, content);
  return path;
}

describe('configureJurisdictionsFromEnvironment', () => {
  it('reads them from COUNTERSIGN_JURISDICTIONS_FILE and refuses a taken id or a bad file, naming it', () => {
    expect(configureJurisdictionsFromEnvironment({})).toEqual([]);
    expect(() => configureJurisdictionsFromEnvironment({ COUNTERSIGN_JURISDICTIONS_FILE: fileWith('not json') })).toThrow(/is not JSON/);
    expect(() => configureJurisdictionsFromEnvironment({ COUNTERSIGN_JURISDICTIONS_FILE: fileWith(JSON.stringify([{ ...TESTVILLE, quorum: { value: 0 } }])) })).toThrow(/\[0\]\.quorum/);
    expect(() => configureJurisdictionsFromEnvironment({ COUNTERSIGN_JURISDICTIONS_FILE: fileWith(JSON.stringify([{ ...TESTVILLE, id: 'seattle' }])) })).toThrow(/id seattle is already/);
    const added = configureJurisdictionsFromEnvironment({ COUNTERSIGN_JURISDICTIONS_FILE: fileWith(JSON.stringify([TESTVILLE])) });
    expect(added.map((p) => p.id)).toEqual(['testville']);
    expect(allJurisdictions().map((p) => p.id)).toEqual(['seattle', 'oakland', 'nyc', 'testville']);
    expect(jurisdictionPreset('testville')?.commentPeriodDays.value).toBe(10);
    expect(() => configureJurisdictionsFromEnvironment({ COUNTERSIGN_JURISDICTIONS_FILE: fileWith(JSON.stringify([TESTVILLE])) })).toThrow(/id testville is already/);
  });
});

describeEachBackend('a docket in a configured jurisdiction', (getStore) => {
  it('runs by its rules: its board is a grant scope, its comment period and lead time count', async () => {
    if (!jurisdictionPreset('testville')) configureJurisdictionsFromEnvironment({ COUNTERSIGN_JURISDICTIONS_FILE: fileWith(JSON.stringify([TESTVILLE])) });
    const store = getStore();
    expect(await store.transaction((tx) => scopeExists({ kind: 'board', id: 'testville' }, tx))).toBe(true);
    expect(await store.transaction((tx) => scopeExists({ kind: 'board', id: 'elsewhere' }, tx))).toBe(false);
    const agency = (await givenOrganization(store, { kind: 'government-agency' })).organizationId;
    const ctx = contextFor(actorWithRole('admin'), new Date('2026-03-02T15:00:00Z'));
    const docket = await store.transaction((tx) => openDocket({ ctx, docket: { jurisdiction: 'testville', agency, technology: 'Drones', title: 'Drones' } }, tx));
    const { docket: noticed } = await store.transaction((tx) => docketStep({ ctx, id: docket.id, action: 'notice', input: { publishedAt: '2026-03-02' } }, tx));
    expect(noticed.notice).toMatchObject({ commentsCloseOn: '2026-03-12', hearingFromOn: '2026-03-09', earliestUseOn: null });
  });
});
