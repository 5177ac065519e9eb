import { beforeAll, expect, it } from 'vitest';
import { RegistryFactory } from '../../../../test/support/registry-factory.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { readCorporateFamily } from './read-corporate-family.js';
import { readFamilyRollUp } from './read-family-roll-up.js';

describeEachBackend('readCorporateFamily', (getStore) => {
  const chain: string[] = [];
  let ring: string[] = [];
  let hub = '';
  beforeAll(async () => {
    const data = new RegistryFactory('walk');
    // A chain of eight: each the subsidiary of the one before.
    for (let i = 0; i < 8; i++) chain.push(data.organization({ name: `Chain ${i}` }));
    for (let i = 1; i < chain.length; i++) data.relationship(chain[i] ?? '', 'subsidiary-of', chain[i - 1] ?? '');
    // A ring of affiliates: A–B–C–A.
    ring = [data.organization({ name: 'Ring A' }), data.organization({ name: 'Ring B' }), data.organization({ name: 'Ring C' })];
    data.relationship(ring[0] ?? '', 'affiliate-of', ring[1] ?? '');
    data.relationship(ring[1] ?? '', 'member-of-consortium', ring[2] ?? '');
    data.relationship(ring[2] ?? '', 'affiliate-of', ring[0] ?? '');
    // A hub with twelve subsidiaries, some by the `parent` field.
    hub = data.organization({ name: 'Hub' });
    for (let i = 0; i < 12; i++) {
      const spoke = data.organization({ name: `Spoke ${String(i).padStart(2, '0')}`, ...(i % 2 === 0 ? { parent: hub } : {}) });
      if (i % 2 === 1) data.relationship(hub, 'owner-of', spoke);
      data.designation(spoke, { listed: `2020-01-${String(i + 1).padStart(2, '0')}` });
    }
    await data.load(getStore());
  });

  it('walks down a chain with the shortest path to each member, and up from its end', async () => {
    const down = await readCorporateFamily(getStore().db, chain[0] ?? '');
    expect(down.members.map((m) => m.ref.name)).toEqual(['Chain 1', 'Chain 2', 'Chain 3', 'Chain 4', 'Chain 5', 'Chain 6']);
    expect(down.truncated).toBe(true);
    const third = down.members[2];
    expect(third?.side).toBe('holding');
    expect(third?.path.map((s) => [s.relation, s.member.name])).toEqual([['subsidiary', 'Chain 1'], ['subsidiary', 'Chain 2'], ['subsidiary', 'Chain 3']]);
    const up = await readCorporateFamily(getStore().db, chain[7] ?? '', { maxDepth: 10, maxMembers: 100 });
    expect(up.members.map((m) => [m.ref.name, m.side, m.path.length])).toEqual([['Chain 6', 'ancestor', 1], ['Chain 5', 'ancestor', 2], ['Chain 4', 'ancestor', 3], ['Chain 3', 'ancestor', 4], ['Chain 2', 'ancestor', 5], ['Chain 1', 'ancestor', 6], ['Chain 0', 'ancestor', 7]]);
    expect(up.truncated).toBe(false);
  });

  it('goes round a ring of affiliates once', async () => {
    const family = await readCorporateFamily(getStore().db, ring[0] ?? '');
    expect(family.members.map((m) => [m.ref.name, m.path.length])).toEqual([['Ring B', 1], ['Ring C', 1]]);
    expect(family.members.every((m) => m.side === 'holding' && m.path[0]?.relation === 'affiliate')).toBe(true);
  });

  it('finds children through relationships and `parent` fields alike, and stops at its member limit', async () => {
    const all = await readCorporateFamily(getStore().db, hub);
    expect(all.members).toHaveLength(12);
    expect(all.members.filter((m) => m.path[0]?.relationshipId === null)).toHaveLength(6);
    const capped = await readCorporateFamily(getStore().db, hub, { maxDepth: 6, maxMembers: 5 });
    expect(capped.members).toHaveLength(5);
    expect(capped.truncated).toBe(true);
    expect(await readCorporateFamily(getStore().db, 'no-such-organization')).toEqual({ members: [], truncated: false });
  });

  it("rolls up a family's designations, the newest first when it has more than a page shows, and counts them all", async () => {
    const family = await readCorporateFamily(getStore().db, hub);
    const all = await readFamilyRollUp(getStore().db, family.members, { designationIds: new Set(), incidentIds: new Set(), piids: new Set() });
    expect(all.designations).toHaveLength(12);
    expect(all.totals).toEqual({ designations: 12, incidents: 0, contracts: 0 });
    const some = await readFamilyRollUp(getStore().db, family.members, { designationIds: new Set(), incidentIds: new Set(), piids: new Set() }, 3);
    expect(some.designations.map((d) => [d.item.listed, d.via.ref.name])).toEqual([['2020-01-10', 'Spoke 09'], ['2020-01-11', 'Spoke 10'], ['2020-01-12', 'Spoke 11']]);
    expect(some.totals.designations).toBe(12);
  });
});
