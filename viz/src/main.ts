import type { Collection } from 'cytoscape';
import { api, ApiError, OVERVIEW_CYPHER } from './api';
import { ArticleCache } from './articles';
import { byId, h, replaceChildren } from './dom';
import { download, stamp, viewGraphML, viewJson, viewPng } from './export';
import { FilterPanel } from './filter-panel';
import { plural, strings } from './format';
import { GraphView, LAYOUTS, type LayoutName, type Selection, type SizeMode } from './graph';
import { DetailsPanel } from './panel';
import { mountCypher, mountPresets } from './query-panel';
import { mountSearch } from './search';
import type { NodeElement, QueryResult } from './types';

/** How many entities the overview opens with. */
const OVERVIEW_SIZE = 60;

/** What tests and the bench read from the page; not an API for anything else. */
interface Hook {
  view: GraphView;
  /** performance.now() when the last drawing was on screen, its size, and where its time went */
  lastDraw?: { at: number; ms: number; nodes: number; edges: number; phases?: Phases };
  ready: boolean;
}

/** A drawing's time by phase, in ms: the graph grows, the panels follow, then layout and the first frame. */
interface Phases {
  merge: number;
  panels: number;
  frame: number;
}

declare global {
  interface Window {
    __graphwire?: Hook;
  }
}

function start(): void {
  const articles = new ArticleCache();
  let layoutName: LayoutName = 'fcose';
  const toast = toaster(byId('toast'));

  const view = new GraphView(byId('cy'), (s) => onSelect(s), (id) => void expand(id));
  const hook: Hook = { view, ready: false };
  window.__graphwire = hook;

  const panel = new DetailsPanel(byId('details'), {
    expand: (id) => expand(id),
    focus: (id) => view.toggleFocus(id),
    hide: (id) => {
      view.hide(id);
      panel.empty();
      updateStatus();
    },
    pin: (id) => view.togglePin(id),
    isPinned: (id) => view.isPinned(id),
    isFocused: (id) => view.focused === id,
    select: (id) => view.select(id),
    showFact: (result, edgeId) => {
      const edge = result.edges.find((e) => e.data.id === edgeId);
      if (!edge) return;
      const ends = [edge.data.source, edge.data.target];
      const present = ends.find((id) => view.cy.getElementById(id).nonempty());
      const added = view.merge({ nodes: result.nodes.filter((n) => ends.includes(n.data.id)), edges: [edge] }, present);
      afterGrowth(added);
      view.select(edgeId);
    },
  }, articles);

  const filters = new FilterPanel(byId('filters'), byId('legend'), view.cy, () => applyFilters(), () => view.isLight);

  function onSelect(selection: Selection): void {
    if (selection.kind === 'none') panel.empty();
    else if (selection.kind === 'node') panel.showNode(view.cy.getElementById(selection.id));
    else panel.showEdge(view.cy.getElementById(selection.id));
  }

  async function applyFilters(): Promise<void> {
    if (filters.state.from !== '' || filters.state.to !== '') {
      try {
        await articles.ensure(view.cy.edges().map((e) => strings(e.data('properties').articles)).flat());
      } catch (error) {
        toast(`Could not read article dates: ${(error as Error).message}`, 'error');
      }
    }
    view.applyFilters(filters.state, articles.publishedOf);
    filters.update();
    updateStatus();
  }

  function afterGrowth(added: Collection): void {
    filters.refresh();
    void applyFilters();
    const nodes = view.cy.nodes().length;
    if (added.nodes().length < nodes) view.flash(added);
    byId('graph-empty').hidden = nodes > 0;
  }

  async function settle(promise: Promise<void>, started: number, marks?: { merged: number; panels: number }): Promise<void> {
    await promise;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const at = performance.now();
    const phases = marks && { merge: marks.merged - started, panels: marks.panels - marks.merged, frame: at - marks.panels };
    hook.lastDraw = { at, ms: at - started, nodes: view.cy.nodes().length, edges: view.cy.edges().length, phases };
  }

  /** Draws a query result; `replace` starts a new picture, `add` grows the current one. */
  function draw(result: QueryResult, mode: 'replace' | 'add'): { nodes: number; edges: number } {
    const started = performance.now();
    // a result with no graph in it (counts, names) leaves the picture alone
    if (result.nodes.length === 0) return { nodes: 0, edges: 0 };
    const before = view.cy.nodes().length;
    if (mode === 'replace') {
      view.clear();
      panel.empty();
    }
    const added = view.merge(result);
    const merged = performance.now();
    afterGrowth(added);
    const marks = { merged, panels: performance.now() };
    const incremental = mode === 'add' && before > 0 && !view.isLight;
    void settle(view.arranged ? firstDrawnInRings() : view.layout(layoutName, { incremental: incremental }), started, marks);
    return { nodes: added.nodes().length, edges: added.edges().length };
  }

  /**
   * A layout of thousands of nodes takes seconds and blocks the page, so a big graph is first drawn in rings by
   * degree (GraphView places it); the chosen layout is then one click on the re-run button away.
   */
  async function firstDrawnInRings(): Promise<void> {
    toast(`${view.cy.nodes().length.toLocaleString('en')} nodes: drawn in rings by degree, hubs in the middle; press ↻ for the ${layoutName} layout.`);
  }

  async function expand(id: string): Promise<void> {
    setBusy(true);
    try {
      const result = await api.entity(id);
      const added = view.merge(result, id);
      afterGrowth(added);
      if (added.empty()) {
        toast('Every neighbour is already shown.');
        return;
      }
      toast(`Added ${plural(added.nodes().length, 'entity', 'entities')} and ${plural(added.edges().length, 'link')}.`);
      if (!view.isLight) await view.layout('fcose', { incremental: true, fit: false });
    } catch (error) {
      toast((error as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  }

  async function openEntity(node: NodeElement): Promise<void> {
    if (view.cy.getElementById(node.data.id).nonempty()) {
      view.select(node.data.id);
      return;
    }
    const center = view.cy.extent();
    const added = view.merge({ nodes: [node], edges: [] });
    added.nodes().positions(() => ({ x: (center.x1 + center.x2) / 2, y: (center.y1 + center.y2) / 2 }));
    afterGrowth(added);
    view.select(node.data.id);
    try {
      // the facts linking it to what is already drawn, so it does not float alone
      const facts = await api.entity(node.data.id);
      afterGrowth(view.merge({ nodes: [], edges: facts.edges }));
    } catch {
      // the node stands alone; expanding it will say what went wrong
    }
  }

  async function overview(): Promise<void> {
    setBusy(true);
    try {
      const result = await api.cypher(OVERVIEW_CYPHER, { limit: OVERVIEW_SIZE });
      view.clear();
      panel.empty();
      if (result.nodes.length === 0) {
        afterGrowth(view.cy.collection());
        return;
      }
      const started = performance.now();
      afterGrowth(view.merge(result));
      await settle(view.arranged ? firstDrawnInRings() : view.layout(layoutName), started);
    } catch (error) {
      toast(`Could not load the overview: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  }

  function updateStatus(): void {
    const shown = view.shown();
    const nodes = shown.nodes().length;
    const edges = shown.edges().length;
    const total = view.cy.nodes().length;
    const hidden = view.hiddenCount();
    const filtered = view.filteredCount();
    replaceChildren(
      byId('status'),
      h('span', {}, `${nodes.toLocaleString('en')} nodes · ${edges.toLocaleString('en')} links`),
      total !== nodes ? h('span', { class: 'muted' }, ` of ${total.toLocaleString('en')}`) : null,
      filtered ? h('span', { class: 'pill' }, `${filtered} filtered`) : null,
      view.isLight ? h('span', { class: 'pill', title: 'Labels appear as you zoom in; links are plain lines, their direction shows in the side panel.' }, 'large graph: simplified drawing') : null,
    );
    const showHidden = byId<HTMLButtonElement>('show-hidden');
    showHidden.hidden = hidden === 0;
    showHidden.textContent = `Show ${hidden} hidden`;
  }

  function setBusy(busy: boolean): void {
    document.body.classList.toggle('busy', busy);
  }

  // toolbar
  const layoutSelect = byId<HTMLSelectElement>('layout');
  replaceChildren(layoutSelect, ...LAYOUTS.map((name) => h('option', { value: name }, name === 'fcose' ? 'force (fcose)' : name)));
  layoutSelect.addEventListener('change', () => {
    layoutName = layoutSelect.value as LayoutName;
    void view.layout(layoutName);
  });
  byId('relayout').addEventListener('click', () => void view.layout(layoutName));
  byId<HTMLSelectElement>('size-by').addEventListener('change', (event) => view.setSizeMode((event.target as HTMLSelectElement).value as SizeMode));
  byId('fit').addEventListener('click', () => view.fit());
  byId('overview').addEventListener('click', () => void overview());
  byId('clear').addEventListener('click', () => {
    view.clear();
    panel.empty();
    afterGrowth(view.cy.collection());
  });
  byId('show-hidden').addEventListener('click', () => {
    view.showHidden();
    updateStatus();
  });

  const exportMenu = byId<HTMLDetailsElement>('export-menu');
  const exporting = (name: string, make: () => Blob | Promise<Blob>) => async (): Promise<void> => {
    exportMenu.open = false;
    try {
      download(await make(), name);
    } catch (error) {
      const missing = error instanceof ApiError && error.status === 404;
      toast(missing ? 'This server has no export route (GET /api/export/graphml); export the current view instead.' : (error as Error).message, 'error');
    }
  };
  byId('export-png').addEventListener('click', exporting(`graphwire-view-${stamp()}.png`, () => viewPng(view.cy)));
  byId('export-json').addEventListener('click', exporting(`graphwire-view-${stamp()}.json`, () => viewJson(view.shown())));
  byId('export-graphml').addEventListener('click', exporting(`graphwire-view-${stamp()}.graphml`, () => viewGraphML(view.shown())));
  byId('export-all-graphml').addEventListener('click', exporting(`graphwire-${stamp()}.graphml`, () => api.exportGraph('graphml')));

  // keyboard, when the graph has a selected node and no field has focus
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || event.ctrlKey || event.metaKey || event.altKey) return;
    const node = view.cy.$('node:selected');
    if (event.key === 'Escape') view.cy.$(':selected').unselect();
    if (node.empty()) return;
    const id = node.id();
    const action = { e: () => void expand(id), f: () => view.toggleFocus(id), p: () => view.togglePin(id), h: () => (view.hide(id), updateStatus()) }[event.key];
    if (action) {
      action();
      if (event.key !== 'h' && event.key !== 'e') panel.showNode(node);
    }
  });

  // tabs
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => {
      for (const other of tabs) {
        const selected = other === tab;
        other.setAttribute('aria-selected', String(selected));
        byId(other.getAttribute('aria-controls')!).hidden = !selected;
      }
    });
  }

  mountSearch(byId<HTMLInputElement>('search'), byId('suggestions'), (node) => void openEntity(node));
  mountCypher(byId('tab-cypher'), draw);
  filters.refresh();

  const health = byId('health');
  api.health().then(
    () => replaceChildren(health, h('span', { class: 'dot ok' }), 'Neo4j connected'),
    (error: Error) => replaceChildren(health, h('span', { class: 'dot bad' }), h('span', { title: error.message }, 'Neo4j unavailable')),
  );
  const presetsLoaded = api.presets().then(
    (presets) => mountPresets(byId('tab-presets'), presets, draw),
    (error: Error) => replaceChildren(byId('tab-presets'), h('p', { class: 'error-text' }, `Could not list the presets: ${error.message}`)),
  );
  void Promise.all([overview(), presetsLoaded]).then(() => {
    hook.ready = true;
    document.body.dataset.ready = 'true';
  });
}

function toaster(box: HTMLElement): (message: string, kind?: 'info' | 'error') => void {
  let timer: number | undefined;
  return (message, kind = 'info') => {
    window.clearTimeout(timer);
    box.className = `toast ${kind}`;
    box.textContent = message;
    box.hidden = false;
    timer = window.setTimeout(() => (box.hidden = true), kind === 'error' ? 7000 : 3000);
  };
}

start();
