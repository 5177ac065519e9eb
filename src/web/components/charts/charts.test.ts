import { describe, expect, it } from 'vitest';
import { layoutGraph } from './graph-layout.js';
import { obligationsChart } from './obligations-chart.js';
import { recordTimeline } from './record-timeline.js';
import { relationshipGraph } from './relationship-graph.js';

describe('layoutGraph', () => {
  const nodes = [
    { id: 'owner', layer: -1, width: 140, height: 34 },
    { id: 'focus', layer: 0, width: 160, height: 34 },
    ...Array.from({ length: 6 }, (_, i) => ({ id: `holding-${i}`, layer: 1, width: 150, height: 34 })),
  ];
  const edges = [{ source: 'owner', target: 'focus' }, ...Array.from({ length: 6 }, (_, i) => ({ source: 'focus', target: `holding-${i}` }))];

  it('puts owners above and holdings below, with no two boxes overlapping', () => {
    const { positions } = layoutGraph(nodes, edges);
    const y = (id: string) => positions.get(id)?.y ?? NaN;
    expect(y('owner')).toBeLessThan(y('focus'));
    for (let i = 0; i < 6; i++) expect(y(`holding-${i}`)).toBeGreaterThan(y('focus'));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const [pa, pb] = [positions.get(a.id), positions.get(b.id)];
        if (!pa || !pb) throw new Error('unplaced');
        const apart = Math.abs(pa.x - pb.x) >= (a.width + b.width) / 2 || Math.abs(pa.y - pb.y) >= (a.height + b.height) / 2;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('draws the same graph the same way every time', () => {
    expect([...layoutGraph(nodes, edges).positions]).toEqual([...layoutGraph(nodes, edges).positions]);
  });
});

describe('relationshipGraph', () => {
  it('escapes names and links every party but the focus', () => {
    const svg = relationshipGraph(
      {
        nodes: [
          { ref: { type: 'organization', id: 'focus', name: 'Focus <Ltd>' }, role: 'focus', layer: 0 },
          { ref: { type: 'person', id: 'p', name: 'A "Person"' }, role: 'person', layer: -1 },
        ],
        edges: [{ from: 'p', to: 'focus', label: 'officer', dates: { words: 'since 2020', span: '2020–' } }],
      },
      { id: 'g', title: 'Graph', tableNote: 'See the table.' },
    ).toString();
    expect(svg).toContain('Focus &lt;Ltd&gt;');
    expect(svg).not.toContain('<Ltd>');
    expect(svg).toContain('<a href="/people/p" class="graph-node graph-node-person">');
    expect(svg).not.toContain('href="/organizations/focus"');
    expect(svg).toContain('officer · 2020–');
  });
});

describe('recordTimeline', () => {
  it('keeps reduced dates reduced in words, and lists every event in its table', () => {
    const chart = recordTimeline(
      [
        { date: '2025', lane: 'incidents', mark: 'incident', text: 'Graphite in Italy' },
        { date: '2023-07-18', lane: 'designations', mark: 'listed', text: 'Listed: Entity List' },
        { date: '2025-09', lane: 'contracts', mark: 'contract', text: 'Stop-work order lifted' },
      ],
      { id: 't', title: 'Over time' },
    ).toString();
    expect(chart).toContain('<title>2025: Graphite in Italy</title>');
    expect(chart).toContain('<title>September 2025: Stop-work order lifted</title>');
    expect([...chart.matchAll(/<tr><td><time datetime="([^"]+)">/g)].map((m) => m[1])).toEqual(['2023-07-18', '2025', '2025-09']);
    expect(chart).toContain('(designations: 1, incidents: 1, contracts: 1)');
    expect(recordTimeline([], { id: 't', title: 'Nothing' }).toString()).toBe('');
  });
});

describe('obligationsChart', () => {
  it('adds up one currency, lists the others without adding them, and steps down on a de-obligation', () => {
    const chart = obligationsChart(
      [
        { date: '2024-01-10', piid: 'A1', event: 'award', amount: 1000, currency: 'USD' },
        { date: '2024-03', piid: 'A1', event: 'modification', amount: -400, currency: 'USD' },
        { date: '2024-02-01', piid: 'B2', event: 'award', amount: 999, currency: 'EUR' },
      ],
      { id: 'o', title: 'Obligations' },
    ).toString();
    expect(chart).toContain('Running total of 2 obligations from 10 January 2024 to March 2024: USD 600 in all.');
    expect(chart).toContain('<td class="amount">EUR 999</td><td class="amount">—</td>');
    expect(chart).toContain('<td class="amount">USD −400</td><td class="amount">USD 600</td>');
  });
});

describe('organizationGraphData', () => {
  it('draws at most the nearest parties of a large family and says how many it left out', async () => {
    const { organizationGraphData } = await import('./relationship-graph-data.js');
    const member = (i: number) => ({
      ref: { type: 'organization' as const, id: `sub-${i}`, name: `Subsidiary ${i}` },
      side: 'holding' as const,
      path: [{ relation: 'subsidiary' as const, relationshipType: 'subsidiary-of' as const, relationshipId: `r-${i}`, date: null, end: null, member: { type: 'organization' as const, id: `sub-${i}`, name: `Subsidiary ${i}` } }],
    });
    const view = {
      organization: { id: 'hub', name: 'Hub', kind: 'vendor' as const, sources: ['s'], status: 'reported' as const },
      parent: null, relationships: [], products: [], designations: [], timeline: [], incidents: [], contracts: [], history: [], sources: {},
      family: Array.from({ length: 60 }, (_, i) => member(i)), familyTruncated: false, rolledUp: { designations: [], incidents: [], contracts: [], totals: { designations: 0, incidents: 0, contracts: 0 } },
    };
    const data = organizationGraphData(view, 10);
    expect(data.nodes).toHaveLength(10);
    expect(data.omitted).toBe(51);
    expect(relationshipGraph(data, { id: 'g', title: 'Hub', tableNote: '' }).toString()).toContain('51 more parties are not drawn.');
  });
});
