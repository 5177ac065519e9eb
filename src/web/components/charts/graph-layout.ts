import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

/** A node to place: its layer (negative above the centre: owners; positive below: holdings) and its box. */
export interface GraphLayoutNode {
  readonly id: string;
  readonly layer: number;
  readonly width: number;
  readonly height: number;
}

export interface GraphLayoutEdge {
  readonly source: string;
  readonly target: string;
}

/** Where each node's centre ended up, and the box around them all. */
export interface GraphLayout {
  readonly positions: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

interface SimNode extends SimulationNodeDatum {
  readonly id: string;
  readonly layer: number;
  readonly radius: number;
}

const LAYER_GAP = 110;
/** Enough steps for the layout to settle (alpha from 1 to d3's 0.001 in this many ticks), few enough for a page's budget. */
const TICKS = 120;
const CACHED_LAYOUTS = 500;
const MARGIN = 16;

/**
 * Places a relationship graph with d3-force: links pull related nodes together, nodes repel and
 * never overlap (collision by each label's box), and a vertical force keeps every node on its
 * layer, so owners sit above the organisation and its holdings below — an ownership chart that
 * still copes with any shape (cycles, affiliates, people). d3-force starts from a fixed
 * arrangement and a seeded random source, so the same graph always gets the same picture
 * (pages can be cached and compared).
 *
 * @example
 * layoutGraph([{ id: 'a', layer: 0, width: 120, height: 36 }, { id: 'b', layer: 1, width: 90, height: 36 }], [{ source: 'a', target: 'b' }]);
 */
export function layoutGraph(nodes: readonly GraphLayoutNode[], edges: readonly GraphLayoutEdge[]): GraphLayout {
  // The same graph always gets the same layout, so a page shown again reuses it (a small LRU cache).
  const key = JSON.stringify([nodes, edges]);
  const cached = layouts.get(key);
  if (cached) {
    layouts.delete(key);
    layouts.set(key, cached);
    return cached;
  }
  const layout = simulate(nodes, edges);
  layouts.set(key, layout);
  if (layouts.size > CACHED_LAYOUTS) layouts.delete(layouts.keys().next().value ?? key);
  return layout;
}

const layouts = new Map<string, GraphLayout>();

function simulate(nodes: readonly GraphLayoutNode[], edges: readonly GraphLayoutEdge[]): GraphLayout {
  const simNodes: SimNode[] = nodes.map((n) => ({ id: n.id, layer: n.layer, radius: Math.hypot(n.width, n.height) / 2 + 6, y: n.layer * LAYER_GAP }));
  const ids = new Set(nodes.map((n) => n.id));
  const links: SimulationLinkDatum<SimNode>[] = edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(simNodes)
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((n) => n.id).distance(LAYER_GAP).strength(0.4))
    .force('charge', forceManyBody<SimNode>().strength(-420))
    .force('collide', forceCollide<SimNode>((n) => n.radius).strength(1).iterations(2))
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>((n) => n.layer * LAYER_GAP).strength(0.9))
    .alphaDecay(1 - Math.pow(0.001, 1 / TICKS))
    .stop();
  for (let i = 0; i < TICKS; i++) simulation.tick();

  const sizes = new Map(nodes.map((n) => [n.id, n]));
  const positions = new Map<string, { x: number; y: number }>();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of simNodes) {
    const size = sizes.get(n.id);
    if (size === undefined || n.x === undefined || n.y === undefined) throw new Error(`graph layout: node ${n.id} was not placed`);
    positions.set(n.id, { x: n.x, y: n.y });
    minX = Math.min(minX, n.x - size.width / 2);
    maxX = Math.max(maxX, n.x + size.width / 2);
    minY = Math.min(minY, n.y - size.height / 2);
    maxY = Math.max(maxY, n.y + size.height / 2);
  }
  if (positions.size === 0) return { positions, bounds: { x: 0, y: 0, width: 0, height: 0 } };
  return { positions, bounds: { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN } };
}
