import cytoscape, { type Collection, type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { edgePasses, isFiltering, nodePasses, type FilterState, type PublishedOf } from './filters';
import { stylesheet } from './style';
import type { EdgeElement, NodeData, NodeElement } from './types';

cytoscape.use(fcose);

export type SizeMode = 'degree' | 'mentions';
export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'circle' | 'grid';
export const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'circle', 'grid'];

/** Past either count the graph switches to the light style and a one-pass layout. */
export const LIGHT_NODES = 1200;
export const LIGHT_EDGES = 2500;

/** In the light style, labels show from this zoom on, for the nodes on screen, unless more than LABEL_MAX are. */
const LABEL_ZOOM = 0.9;
/** past this many nodes on screen, labels would cover each other (and measuring them costs seconds) */
const LABEL_MAX = 600;

const MIN_SIZE = 22;
const MAX_SIZE = 64;

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | { kind: 'none' };

/**
 * The cytoscape graph and what the viewer does to it: merge query results in (the graph grows, it is never
 * reloaded behind the user's back), size nodes, filter, hide, pin, focus and lay out.
 */
export class GraphView {
  readonly cy: Core;
  private sizeMode: SizeMode = 'degree';
  private light = false;
  private focusedId: string | undefined;
  private running: cytoscape.Layouts | undefined;
  /** nodes carrying .filtered, .hidden: kept here, so asking costs nothing when none do */
  private filteredNodes = 0;
  private hiddenNodes = 0;
  private filteredAny = false;
  /** whether some nodes carry .labelled (the light style's labels near the viewport) */
  private labelled = false;

  constructor(container: HTMLElement, onSelect: (selection: Selection) => void, onExpand: (id: string) => void) {
    this.cy = cytoscape({
      container,
      style: stylesheet(false),
      minZoom: 0.03,
      maxZoom: 5,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    this.cy.on('select', 'node, edge', (event) => onSelect({ kind: event.target.isNode() ? 'node' : 'edge', id: event.target.id() }));
    this.cy.on('unselect', () => {
      if (this.cy.$(':selected').empty()) onSelect({ kind: 'none' });
    });
    this.cy.on('dbltap', 'node', (event) => onExpand(event.target.id()));
    let labelTimer: number | undefined;
    this.cy.on('viewport', () => {
      if (!this.light) return;
      window.clearTimeout(labelTimer);
      labelTimer = window.setTimeout(() => this.labelViewport(), 120);
    });
    this.cy.on('mouseover', 'node', (event) => {
      if (!this.light) event.target.connectedEdges().addClass('hover');
    });
    this.cy.on('mouseout', 'node', (event) => event.target.connectedEdges().removeClass('hover'));
  }

  get isLight(): boolean {
    return this.light;
  }

  /**
   * Adds the nodes and edges not in the graph yet (an edge only with both ends); nodes already there get the
   * newer properties. New nodes start in a ring around `near` when given, so an expansion grows from its node.
   */
  merge(result: { nodes: NodeElement[]; edges: EdgeElement[] }, near?: string): Collection {
    const cy = this.cy;
    const fresh: ElementDefinition[] = [];
    const ids = new Set<string>();
    // into an empty graph nothing needs looking up: at thousands of elements each lookup adds up
    const wasEmpty = cy.elements().empty();
    const present = (id: string): boolean => !wasEmpty && cy.getElementById(id).nonempty();
    for (const node of result.nodes) {
      if (ids.has(node.data.id)) continue;
      if (present(node.data.id)) {
        const existing = cy.getElementById(node.data.id);
        existing.data('properties', { ...existing.data('properties'), ...node.data.properties });
        continue;
      }
      ids.add(node.data.id);
      fresh.push({ group: 'nodes', data: { ...node.data, size: MIN_SIZE, country: node.data.labels.includes('Country') } });
    }
    for (const edge of result.edges) {
      if (ids.has(edge.data.id) || present(edge.data.id)) continue;
      const ends = [edge.data.source, edge.data.target].every((id) => ids.has(id) || present(id));
      if (!ends) continue;
      ids.add(edge.data.id);
      const sources = edge.data.properties.sources;
      fresh.push({ group: 'edges', data: { ...edge.data, sources: typeof sources === 'number' ? sources : 1 } });
    }
    // the style is chosen before adding: restyling thousands of elements afterwards costs as much as adding them
    const freshNodes = fresh.filter((f) => f.group === 'nodes').length;
    this.updateMode(cy.nodes().length + freshNodes, cy.edges().length + fresh.length - freshNodes);
    // into an empty graph, sizes are worked out on the plain data, sparing a second styling pass over everything
    const degrees = wasEmpty ? this.presize(fresh) : undefined;
    // a big graph drawn from nothing is placed here, in plain loops: a cytoscape layout pass costs seconds at this size
    this.arranged = wasEmpty && this.light;
    if (this.arranged && degrees) placeInRings(fresh, degrees);
    let added = cy.collection();
    cy.batch(() => {
      added = cy.add(fresh);
      if (near) this.ring(added.nodes() as unknown as Collection, near);
    });
    if (!wasEmpty) this.resize();
    // fitting reads every element's bounding box now, before the first frame: left to the frame, the drawing
    // computes them, cytoscape takes each first computation for a change, and the frame after measures and
    // invalidates every element a second time (200–400 ms at 15,000 elements here)
    if (this.arranged) {
      cy.fit(undefined, 40);
      // a few nodes with many links between them: not blown up past a readable size
      if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    return added;
  }

  clear(): void {
    this.running?.stop();
    this.focusedId = undefined;
    this.cy.elements().remove();
    this.labelled = false;
    this.filteredAny = false;
    this.filteredNodes = this.hiddenNodes = 0;
    this.updateMode(0, 0);
  }

  /** Node sizes by degree in the graph shown, or by mentions across all articles. */
  setSizeMode(mode: SizeMode): void {
    this.sizeMode = mode;
    this.resize();
  }

  /** True when the last merge placed a big graph itself, in rings by degree, so no layout needs to run. */
  arranged = false;

  private presize(fresh: ElementDefinition[]): Map<string, number> {
    const values = new Map<string, number>();
    for (const f of fresh) {
      if (f.group === 'nodes') {
        const m = (f.data.properties as NodeData['properties']).mentionCount;
        values.set(f.data.id!, this.sizeMode === 'degree' ? 0 : typeof m === 'number' ? m : 0);
      }
    }
    if (this.sizeMode === 'degree') {
      for (const f of fresh) {
        if (f.group !== 'edges') continue;
        values.set(f.data.source, (values.get(f.data.source) ?? 0) + 1);
        values.set(f.data.target, (values.get(f.data.target) ?? 0) + 1);
      }
    }
    const max = Math.max(1, ...values.values());
    for (const f of fresh) if (f.group === 'nodes') f.data.size = sizeFor(values.get(f.data.id!) ?? 0, max);
    return values;
  }

  resize(): void {
    const cy = this.cy;
    const value = (n: NodeSingular): number => {
      if (this.sizeMode === 'degree') return n.degree(false);
      const m = (n.data('properties') as NodeData['properties']).mentionCount;
      return typeof m === 'number' ? m : 0;
    };
    let max = 1;
    cy.nodes().forEach((n) => {
      max = Math.max(max, value(n));
    });
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.data('size', sizeFor(value(n), max));
      });
    });
  }

  /**
   * Shows what passes the filters. A node whose facts are all filtered out goes too, unless it had none to
   * begin with: a filter on facts should not leave a scatter of unconnected dots.
   */
  applyFilters(state: FilterState, publishedOf: PublishedOf): void {
    const cy = this.cy;
    const active = isFiltering(state);
    // nothing filtered before nor now: a big graph's first draw skips a pass over every element
    if (!active && !this.filteredAny) return;
    let filteredNodes = 0;
    cy.batch(() => {
      // only what carries the class: touching every element would restyle thousands for nothing
      cy.elements('.filtered').removeClass('filtered');
      if (!active) return;
      cy.edges().forEach((e) => {
        if (!edgePasses(e.data(), state, publishedOf)) e.addClass('filtered');
      });
      cy.nodes().forEach((n) => {
        const edges = n.connectedEdges();
        const orphaned = edges.nonempty() && edges.filter('.filtered').length === edges.length;
        if (!nodePasses(n.data(), state) || orphaned) {
          n.addClass('filtered');
          filteredNodes++;
        }
      });
    });
    this.filteredAny = active;
    this.filteredNodes = filteredNodes;
  }

  filteredCount(): number {
    return this.filteredNodes;
  }

  /**
   * What is on screen: neither filtered nor hidden, edges with both ends shown. Read from the classes, because
   * cytoscape's :visible lags behind a class change while an animated layout runs.
   */
  shown(): Collection {
    if (!this.filteredAny && this.hiddenNodes === 0) return this.cy.elements();
    const nodes = this.cy.nodes().not('.filtered, .hidden');
    const edges = nodes.edgesWith(nodes).not('.filtered, .hidden');
    return nodes.union(edges);
  }

  hide(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty() || node.hasClass('hidden')) return;
    node.unselect();
    node.addClass('hidden');
    this.hiddenNodes++;
  }

  hiddenCount(): number {
    return this.hiddenNodes;
  }

  showHidden(): void {
    this.cy.elements('.hidden').removeClass('hidden');
    this.hiddenNodes = 0;
  }

  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.locked()) {
      node.unlock();
      node.removeClass('pinned');
      return false;
    }
    node.lock();
    node.addClass('pinned');
    return true;
  }

  isPinned(id: string): boolean {
    return this.cy.getElementById(id).locked();
  }

  /** Dims everything but the node and its neighbours, and zooms to them; again on the same node undoes it. */
  toggleFocus(id: string): boolean {
    const cy = this.cy;
    if (this.focusedId === id) {
      this.unfocus();
      return false;
    }
    const node = cy.getElementById(id);
    const keep = node.closedNeighborhood();
    cy.batch(() => {
      cy.elements().addClass('dimmed');
      keep.removeClass('dimmed');
    });
    this.focusedId = id;
    cy.animate({ fit: { eles: keep, padding: 60 }, duration: 350 });
    return true;
  }

  unfocus(): void {
    this.focusedId = undefined;
    this.cy.elements('.dimmed').removeClass('dimmed');
  }

  get focused(): string | undefined {
    return this.focusedId;
  }

  /** Lays out the visible graph; pinned (locked) nodes stay where they are. `incremental` keeps the current picture. */
  layout(name: LayoutName, options: { incremental?: boolean; fit?: boolean } = {}): Promise<void> {
    this.running?.stop();
    const eles = this.shown();
    if (eles.empty()) return Promise.resolve();
    const nodes = eles.nodes().length;
    const animate = !this.light && nodes <= 300;
    const fit = options.fit ?? true;
    const base = { fit, padding: 40, animate, animationDuration: 450 };
    let opts: LayoutOptions;
    switch (name) {
      case 'fcose':
        opts = {
          name: 'fcose',
          ...base,
          // draft (spectral only) is the one pass that stays fast at thousands of nodes
          quality: options.incremental ? 'proof' : this.light ? 'draft' : 'default',
          randomize: !options.incremental,
          nodeRepulsion: () => 6000,
          idealEdgeLength: () => 85,
          nodeSeparation: 80,
          packComponents: true,
          tile: true,
        } as LayoutOptions;
        break;
      case 'concentric':
        opts = {
          name,
          ...base,
          minNodeSpacing: this.light ? 4 : 24,
          avoidOverlap: !this.light,
          concentric: (n: NodeSingular) => n.degree(false),
          // a ring per degree step among few nodes; among thousands, rings of hubs and a wide outer band
          levelWidth: (nodes: cytoscape.NodeCollection) => Math.max(1, nodes.maxDegree(false) / (this.light ? 8 : 4)),
        } as LayoutOptions;
        break;
      case 'breadthfirst': {
        const selected = this.cy.$('node:selected').intersection(eles);
        const roots = selected.nonempty() ? selected : eles.nodes().max((n) => n.degree(false)).ele;
        opts = { name, ...base, directed: false, spacingFactor: 1.15, roots } as LayoutOptions;
        break;
      }
      default:
        opts = { name, ...base, avoidOverlap: true } as LayoutOptions;
    }
    const layout = eles.layout(opts);
    this.running = layout;
    return new Promise((resolve) => {
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
  }

  fit(): void {
    this.cy.animate({ fit: { eles: this.shown(), padding: 40 }, duration: 300 });
  }

  select(id: string, center = true): void {
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    this.cy.$(':selected').unselect();
    el.select();
    if (center) this.cy.animate({ center: { eles: el }, zoom: Math.max(this.cy.zoom(), 1), duration: 300 });
  }

  /** Marks elements briefly so the user sees what an action added. */
  flash(eles: Collection): void {
    if (this.light || eles.empty()) return;
    eles.nodes().addClass('fresh');
    setTimeout(() => eles.nodes().removeClass('fresh'), 1600);
  }

  private ring(nodes: Collection, near: string): void {
    const anchor = this.cy.getElementById(near);
    if (anchor.empty() || nodes.empty()) return;
    const { x, y } = anchor.position();
    const radius = 90 + nodes.length * 6;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
    });
  }

  private updateMode(nodes: number, edges: number): void {
    const light = nodes > LIGHT_NODES || edges > LIGHT_EDGES;
    if (light === this.light) return;
    this.light = light;
    this.cy.style(stylesheet(light));
    this.labelViewport();
  }

  /**
   * In the light style nodes carry no label (measuring thousands of labels is most of the cost of a frame);
   * once zoomed in, the nodes on screen get theirs back.
   */
  private labelViewport(): void {
    const cy = this.cy;
    // zoomed out with nothing labelled, the usual case after a big draw: no pass over the nodes at all
    if (!this.labelled && (!this.light || cy.zoom() < LABEL_ZOOM)) return;
    cy.batch(() => {
      cy.nodes('.labelled').removeClass('labelled');
      this.labelled = false;
      if (!this.light || cy.zoom() < LABEL_ZOOM) return;
      const { x1, x2, y1, y2 } = cy.extent();
      const onScreen = cy.nodes().filter((n) => {
        const { x, y } = n.position();
        return x >= x1 && x <= x2 && y >= y1 && y <= y2;
      });
      if (onScreen.length > LABEL_MAX) return;
      onScreen.addClass('labelled');
      this.labelled = onScreen.nonempty();
    });
  }
}

function sizeFor(value: number, max: number): number {
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / max));
}

/** Gaps between neighbours on a ring and between rings, in model units, on top of the nodes' own sizes. */
const RING_GAP = 14;
const RING_STEP = 24;

/**
 * Hubs in the middle, then rings outwards by falling size, each ring as full as its circumference allows.
 * Rings are spaced by the sizes of the nodes on them, so big nodes near the middle never overlap.
 */
function placeInRings(fresh: ElementDefinition[], values: Map<string, number>): void {
  const nodes = fresh.filter((f) => f.group === 'nodes').sort((a, b) => (values.get(b.data.id!) ?? 0) - (values.get(a.data.id!) ?? 0));
  const sizeOf = (f: ElementDefinition | undefined): number => (typeof f?.data.size === 'number' ? f.data.size : MIN_SIZE);
  let ring = 0;
  let index = 0;
  let radius = 0;
  while (index < nodes.length) {
    // sorted by falling size, so a ring's first node is its biggest
    const widest = sizeOf(nodes[index]);
    const capacity = ring === 0 ? 1 : Math.max(1, Math.floor((2 * Math.PI * radius) / (widest + RING_GAP)));
    const count = Math.min(capacity, nodes.length - index);
    for (let i = 0; i < count; i++) {
      const angle = (2 * Math.PI * i) / count + ring * 0.37;
      nodes[index + i]!.position = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    }
    index += count;
    radius += widest / 2 + RING_STEP + sizeOf(nodes[index]) / 2;
    ring++;
  }
}
