import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../../test/support/bundled-dataset.js';
import { SYSTEM_CONTEXT } from '../../../../test/support/contexts.js';
import { projectRoot } from '../../../core/project-root.js';
import { readExportBatches } from '../../../store/registry/queries/read-export-batches.js';
import { delistDesignation } from '../../commands/delist-designation.js';
import type { RecordShapes, RegistryRecord } from '../../registry-record.js';
import type { ExportLookups, Party } from '../export-batch.js';
import type { FtmEntity } from './ftm-entity.js';
import { FTM_RECORD_TYPES, recordToFtm } from './record-to-ftm.js';

/** FollowTheMoney 3.8.4's facts for the schemata the export emits (see test/fixtures/ftm/README.md). */
const FACTS = z
  .object({
    entityId: z.object({ pattern: z.string(), maxLength: z.number() }),
    schemata: z.record(z.string(), z.object({ extends: z.array(z.string()), required: z.array(z.string()), properties: z.record(z.string(), z.string()) })),
  })
  .parse(JSON.parse(readFileSync(join(projectRoot(), 'test', 'fixtures', 'ftm', 'ftm-schemata-3.8.4.json'), 'utf8')));

/** FtM's date type: an ISO 8601 prefix (followthemoney/types/date.py); the registry keeps to whole days or coarser. */
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** FtM's country values are lower-case codes. */
const COUNTRY = /^[a-z]{2}$/;

/**
 * Everything wrong with a set of entities as FollowTheMoney reads them: unknown schemata or
 * properties, values that are not lists of non-empty strings, dates that are not ISO, entity
 * references that resolve to no entity of the set or to one outside the property's range,
 * missing required properties, bad or repeated ids.
 */
function ftmProblems(entities: readonly FtmEntity[]): string[] {
  const problems: string[] = [];
  const idPattern = new RegExp(FACTS.entityId.pattern);
  const byId = new Map<string, FtmEntity>();
  for (const e of entities) {
    if (byId.has(e.id)) problems.push(`${e.id}: id used twice`);
    byId.set(e.id, e);
    if (!idPattern.test(e.id) || e.id.length > FACTS.entityId.maxLength) problems.push(`${e.id}: not an FtM entity id`);
  }
  const isA = (schema: string, range: string) => schema === range || (FACTS.schemata[schema]?.extends ?? []).includes(range);
  for (const e of entities) {
    const facts = FACTS.schemata[e.schema];
    if (!facts) {
      problems.push(`${e.id}: schema ${e.schema} not in the fixture`);
      continue;
    }
    if (JSON.stringify(e.datasets) !== '["countersign"]') problems.push(`${e.id}: datasets ${JSON.stringify(e.datasets)}`);
    for (const required of facts.required) if (!e.properties[required]) problems.push(`${e.id}: ${e.schema} needs ${required}`);
    for (const [name, values] of Object.entries(e.properties)) {
      const type = facts.properties[name];
      if (type === undefined) {
        problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        continue;
      }
      if (!Array.isArray(values) || values.length === 0) problems.push(`${e.id}.${name}: not a non-empty list`);
      for (const value of values) {
        if (typeof value !== 'string' || value === '') problems.push(`${e.id}.${name}: ${JSON.stringify(value)} is not a non-empty string`);
        else if (type === 'date' && !ISO_DATE.test(value)) problems.push(`${e.id}.${name}: ${value} is not an ISO date`);
        else if (type === 'country' && !COUNTRY.test(value)) problems.push(`${e.id}.${name}: ${value} is not a country code`);
        else if (type === 'url' && !/^https?:\/\//.test(value)) problems.push(`${e.id}.${name}: ${value} is not a URL`);
        else if (type === 'number' && !Number.isFinite(Number(value))) problems.push(`${e.id}.${name}: ${value} is not a number`);
        else if (type.startsWith('entity:')) {
          const range = type.slice('entity:'.length);
          const target = byId.get(value);
          if (!target) problems.push(`${e.id}.${name}: ${value} resolves to no entity`);
          else if (!isA(target.schema, range)) problems.push(`${e.id}.${name}: ${value} is a ${target.schema}, not a ${range}`);
        }
      }
    }
  }
  return problems;
}

describe('ftmProblems (the tests\' FtM checker)', () => {
  it('catches unknown properties, dangling and out-of-range references, bad dates and missing required properties', () => {
    const person = { id: 'p-1', schema: 'Person', properties: { name: ['P'] }, datasets: ['countersign'] } as const;
    const bad: FtmEntity[] = [
      person,
      { id: 'o-1', schema: 'Ownership', properties: { owner: ['p-1'], asset: ['p-1'], startDate: ['12/2024'], sharesHeld: ['10'] }, datasets: ['countersign'] },
      { id: 's-1', schema: 'Sanction', properties: { entity: ['nobody'] }, datasets: ['countersign'] },
      { id: 'm-1', schema: 'Membership', properties: { member: ['p-1'] }, datasets: ['countersign'] },
    ];
    expect(ftmProblems(bad)).toEqual([
      'o-1.asset: p-1 is a Person, not a Asset',
      'o-1.startDate: 12/2024 is not an ISO date',
      'o-1: Ownership has no property sharesHeld',
      's-1.entity: nobody resolves to no entity',
      'm-1: Membership needs organization',
    ]);
  });
});

const SOURCE = 'letter-2024-10-31';

function lookupsWith(parties: Record<string, Party>, parentAlsoRelationship: string[] = []): ExportLookups {
  return {
    sources: new Map([[SOURCE, { url: 'https://example.org/letter', publisher: 'Coalition of civil society organizations' }]]),
    parties: new Map(Object.entries(parties)),
    parentAlsoRelationship: new Set(parentAlsoRelationship),
  };
}

function organization(id: string, kind: RecordShapes['organization']['kind'], more: Partial<RecordShapes['organization']> = {}): RegistryRecord {
  return { type: 'organization', record: { id, name: `${id} name`, kind, sources: [SOURCE], status: 'documented', ...more } };
}

function relationship(from: string, type: RecordShapes['relationship']['type'], to: string, more: Partial<RecordShapes['relationship']> = {}): RegistryRecord {
  return { type: 'relationship', record: { id: `${from}--${type}--${to}`, from, type, to, sources: [SOURCE], status: 'reported', ...more } };
}

function only(entities: readonly FtmEntity[], schema: string): FtmEntity {
  const found = entities.filter((e) => e.schema === schema);
  expect(found).toHaveLength(1);
  const [entity] = found;
  if (!entity) throw new Error(`no ${schema}`);
  return entity;
}

describe('recordToFtm', () => {
  const parties: Record<string, Party> = {
    vendor: { type: 'organization', kind: 'vendor' },
    holding: { type: 'organization', kind: 'investor' },
    agency: { type: 'organization', kind: 'government-agency' },
    ministry: { type: 'organization', kind: 'government-agency' },
    ngo: { type: 'organization', kind: 'other' },
    officer: { type: 'person' },
    partner: { type: 'person' },
  };
  const lookups = lookupsWith(parties);
  const people: RegistryRecord[] = ['officer', 'partner'].map((id) => ({ type: 'person', record: { id, name: `${id} name`, sources: [SOURCE], status: 'documented' } }));
  const base: RegistryRecord[] = [
    organization('vendor', 'vendor', {
      aliases: ['Vendor Ltd'], formerNames: [{ name: 'Old Vendor', until: '2020' }], country: 'IL', locality: 'Herzliya',
      identifiers: { uei: 'NW6QFTZACWM7', duns: '123456789', cage: '1ABC2', lei: '5299002T0B1CQHYREQ50' },
    }),
    organization('holding', 'investor', { country: 'US' }),
    organization('agency', 'government-agency', { parent: 'ministry' }),
    organization('ministry', 'government-agency'),
    organization('ngo', 'other'),
    ...people,
  ];
  const entitiesOf = (records: readonly RegistryRecord[], with_ = lookups) => records.flatMap((r) => recordToFtm(r, with_));

  it('tells organisations apart by kind and keeps their names and identifiers in FtM properties', () => {
    const entities = entitiesOf(base);
    const vendor = entities.find((e) => e.id === 'countersign-org-vendor');
    expect(vendor).toEqual({
      id: 'countersign-org-vendor',
      schema: 'Company',
      properties: {
        name: ['vendor name'], alias: ['Vendor Ltd'], previousName: ['Old Vendor'], country: ['il'], address: ['Herzliya'],
        uniqueEntityId: ['NW6QFTZACWM7'], dunsCode: ['123456789'], cageCode: ['1ABC2'], leiCode: ['5299002T0B1CQHYREQ50'],
        sourceUrl: ['https://example.org/letter'], publisher: ['Coalition of civil society organizations'],
      },
      datasets: ['countersign'],
    });
    expect(entities.find((e) => e.id === 'countersign-org-agency')?.schema).toBe('PublicBody');
    expect(entities.find((e) => e.id === 'countersign-org-ngo')?.schema).toBe('Organization');
    expect(entities.find((e) => e.id === 'countersign-person-officer')?.schema).toBe('Person');
    expect(ftmProblems(entities)).toEqual([]);
  });

  it('links an organisation to its parent once: from the parent field, or from the part-of relationship when there is one', () => {
    const fromField = entitiesOf(base);
    expect(only(fromField, 'Membership')).toMatchObject({ id: 'countersign-rel-agency--part-of--ministry', properties: { member: ['countersign-org-agency'], organization: ['countersign-org-ministry'], role: ['part of'] } });
    const withRelationship = entitiesOf([...base, relationship('agency', 'part-of', 'ministry')], lookupsWith(parties, ['agency']));
    expect(only(withRelationship, 'Membership').id).toBe('countersign-rel-agency--part-of--ministry');
    expect(ftmProblems(withRelationship)).toEqual([]);
  });

  it('picks the FtM schema whose ranges the parties fit, else an UnknownLink', () => {
    const links = entitiesOf([
      relationship('holding', 'acquired', 'vendor', { date: '2024-12' }),
      relationship('holding', 'acquired', 'agency'),
      relationship('vendor', 'subsidiary-of', 'holding'),
      relationship('officer', 'officer-of', 'vendor', { date: '2019', end: '2023-06' }),
      relationship('officer', 'officer-of', 'partner'),
      relationship('vendor', 'renamed-from', 'ngo'),
      relationship('partner', 'founder-of', 'vendor'),
    ]);
    const link = (id: string) => links.find((e) => e.id === `countersign-rel-${id}`);
    expect(link('holding--acquired--vendor')).toMatchObject({ schema: 'Ownership', properties: { owner: ['countersign-org-holding'], asset: ['countersign-org-vendor'], startDate: ['2024-12'] } });
    expect(link('holding--acquired--agency')).toMatchObject({ schema: 'UnknownLink', properties: { subject: ['countersign-org-holding'], object: ['countersign-org-agency'], role: ['acquired'] } });
    expect(link('vendor--subsidiary-of--holding')).toMatchObject({ schema: 'Ownership', properties: { owner: ['countersign-org-holding'], asset: ['countersign-org-vendor'] } });
    expect(link('officer--officer-of--vendor')).toMatchObject({ schema: 'Directorship', properties: { director: ['countersign-person-officer'], organization: ['countersign-org-vendor'], startDate: ['2019'], endDate: ['2023-06'] } });
    expect(link('officer--officer-of--partner')?.schema).toBe('UnknownLink');
    expect(link('vendor--renamed-from--ngo')).toMatchObject({ schema: 'Succession', properties: { predecessor: ['countersign-org-ngo'], successor: ['countersign-org-vendor'] } });
    expect(link('partner--founder-of--vendor')).toMatchObject({ schema: 'UnknownLink', properties: { role: ['founder of'] } });
    expect(ftmProblems([...entitiesOf(base), ...links])).toEqual([]);
  });

  it('leaves out what would reference an unknown party, rather than dangle', () => {
    expect(recordToFtm(relationship('vendor', 'affiliate-of', 'nobody'), lookups)).toEqual([]);
    expect(recordToFtm({ type: 'designation', record: { id: 'd', subject: 'nobody', authority: 'US-BIS', list: 'Entity List', listed: '2021', sources: [SOURCE], status: 'documented' } }, lookups)).toEqual([]);
    const contract = recordToFtm({ type: 'contract', record: { piid: 'ABC1234', recipient: 'nobody', currency: 'USD', sources: [SOURCE], status: 'documented' } }, lookups);
    expect(contract.map((e) => e.schema)).toEqual(['Contract']);
  });

  it('exports no products, transactions, sources or policies', () => {
    expect(recordToFtm({ type: 'product', record: { id: 'p', name: 'P', vendor: 'vendor', capabilities: [], sources: [SOURCE], status: 'reported' } }, lookups)).toEqual([]);
    expect(FTM_RECORD_TYPES).toEqual(['organization', 'person', 'designation', 'relationship', 'contract', 'incident']);
  });
});

describeEachBackend('FtM export of the bundled registry', (getStore) => {
  let entities: FtmEntity[] = [];
  const entity = (id: string) => entities.find((e) => e.id === id);

  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    await store.transaction((tx) => delistDesignation({ ctx: SYSTEM_CONTEXT, designationId: 'coseinc--us-bis--entity-list--2021-11-03', delisted: '2026-02-01', reason: 'removed by final rule', sources: ['commerce-2021-11-03'] }, tx));
    entities = [];
    for await (const batch of readExportBatches(store.db, FTM_RECORD_TYPES, { batchSize: 7 })) for (const r of batch.records) entities.push(...recordToFtm(r, batch.lookups));
  });

  it('emits only valid FtM 3.8.4 entities whose every reference resolves within the export', () => {
    expect(entities.length).toBeGreaterThan(60);
    expect(ftmProblems(entities)).toEqual([]);
  });

  it('makes Intellexa S.A. a Company with two Sanctions: US-BIS Entity List 2023-07-18 and US-OFAC SDN 2024-03-05', () => {
    expect(entity('countersign-org-intellexa-sa')).toMatchObject({ schema: 'Company', properties: { name: ['Intellexa S.A.'], country: ['gr'] } });
    const sanctions = entities.filter((e) => e.schema === 'Sanction' && e.properties['entity']?.[0] === 'countersign-org-intellexa-sa');
    expect(sanctions.map((s) => [s.properties['authority'], s.properties['program'], s.properties['startDate'], s.properties['listingDate'], s.properties['country']])).toEqual([
      [['Bureau of Industry and Security'], ['Entity List'], ['2023-07-18'], ['2023-07-18'], ['us']],
      [['Office of Foreign Assets Control'], ['SDN'], ['2024-03-05'], ['2024-03-05'], ['us']],
    ]);
    expect(sanctions[0]?.id).toBe('countersign-sanction-intellexa-sa--us-bis--entity-list--2023-07-18');
  });

  it('tells the AE Industrial Partners acquisition as an Ownership from December 2024', () => {
    const ownership = entities.find((e) => e.schema === 'Ownership' && e.properties['owner']?.[0] === 'countersign-org-ae-industrial-partners');
    expect(ownership?.properties).toMatchObject({ asset: ['countersign-org-paragon-solutions'], startDate: ['2024-12'], role: ['acquired'] });
  });

  it('ends a delisted designation\'s Sanction on the delisting date', () => {
    expect(entity('countersign-sanction-coseinc--us-bis--entity-list--2021-11-03')?.properties).toMatchObject({
      entity: ['countersign-org-coseinc'], startDate: ['2021-11-03'], endDate: ['2026-02-01'], description: ['Delisted: removed by final rule'],
    });
    expect(entity('countersign-sanction-nso-group--us-bis--entity-list--2021-11-03')?.properties['endDate']).toBeUndefined();
  });

  it('tells agencies, people, the contract and incidents in their FtM schemata', () => {
    expect(entity('countersign-org-ice')?.schema).toBe('PublicBody');
    expect(entities.filter((e) => e.schema === 'Membership' && e.properties['member']?.[0] === 'countersign-org-ice')).toHaveLength(1);
    expect(entity('countersign-person-tal-dilian')?.properties).toMatchObject({ position: ['founder of the Intellexa consortium'] });
    expect(entity('countersign-org-paragon-solutions-us')?.properties['uniqueEntityId']).toEqual(['NW6QFTZACWM7']);
    expect(entity('countersign-award-70ctd024p00000012')?.properties).toMatchObject({ supplier: ['countersign-org-paragon-solutions-us'], contract: ['countersign-contract-70ctd024p00000012'], amount: ['2000000'] });
    expect(entity('countersign-contract-70ctd024p00000012')?.properties['authority']).toEqual(['countersign-org-ice']);
    expect(entity('countersign-incident-pegasus-project-2021')?.properties['involved']).toEqual(['countersign-org-nso-group']);
  });
});
