import type { Core } from 'cytoscape';
import { h, replaceChildren, swatch } from './dom';
import { emptyFilters, isFiltering, sourcesOf, type FilterState } from './filters';
import { lookOf, typeOrder } from './palette';
import type { EdgeData, NodeData } from './types';

/**
 * The filter tab and the legend: entity types (with their colour and shape), relationship types and outlets
 * found in the graph, each with a count and a switch, and a date range. Rebuilt when the graph changes; the
 * choices stay.
 */
export class FilterPanel {
  readonly state: FilterState = emptyFilters();
  private readonly resetButton = h('button', { type: 'button', id: 'filter-reset', class: 'link-button', on: { click: () => this.reset() } }, 'Clear all filters');
  /** the entity types and the number of facts in the graph, as of the last refresh: the legend shows them */
  private nodeTypes = new Map<string, number>();
  private edgeCount = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly legend: HTMLElement,
    private readonly cy: Core,
    private readonly apply: () => void | Promise<void>,
    /** whether the graph is drawn in the light style, where facts are plain lines without arrows */
    private readonly isLight: () => boolean = () => false,
  ) {}

  refresh(): void {
    // one pass over the elements: at thousands of them each extra collection costs a frame
    const nodeTypes = new Map<string, number>();
    const edgeTypes = new Map<string, number>();
    const outlets = new Map<string, number>();
    this.cy.elements().forEach((ele) => {
      const data = ele.data() as NodeData | EdgeData;
      if (ele.isNode()) return void bump(nodeTypes, data.type);
      bump(edgeTypes, data.type);
      for (const outlet of sourcesOf(data.properties)) bump(outlets, outlet);
    });
    this.nodeTypes = nodeTypes;
    this.edgeCount = [...edgeTypes.values()].reduce((sum, n) => sum + n, 0);
    const from = h('input', { type: 'date', id: 'filter-from', value: this.state.from, aria: { label: 'From date' } });
    const to = h('input', { type: 'date', id: 'filter-to', value: this.state.to, aria: { label: 'To date' } });
    const onDates = (): void => {
      this.state.from = from.value;
      this.state.to = to.value;
      void this.apply();
    };
    from.addEventListener('change', onDates);
    to.addEventListener('change', onDates);

    replaceChildren(
      this.root,
      group('Entity types', 'filter-node-types', [...nodeTypes.entries()].sort(([a], [b]) => typeOrder(a, b)).map(([type, n]) =>
        switchRow(type, n, !this.state.hiddenNodeTypes.has(type), (on) => this.toggle(this.state.hiddenNodeTypes, type, !on), swatchOf(type)),
      )),
      group('Relationship types', 'filter-edge-types', [...edgeTypes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) =>
        switchRow(type, n, !this.state.hiddenEdgeTypes.has(type), (on) => this.toggle(this.state.hiddenEdgeTypes, type, !on)),
      )),
      group('Sources', 'filter-sources', outlets.size === 0 ? [h('p', { class: 'muted' }, 'No outlet in the graph shown.')] : [
        h('p', { class: 'help' }, 'Tick outlets to keep only the facts they report.'),
        ...[...outlets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([outlet, n]) =>
          switchRow(outlet, n, this.state.sources.has(outlet), (on) => this.toggle(this.state.sources, outlet, on)),
        ),
      ]),
      group('Date range', 'filter-dates', [
        h('p', { class: 'help' }, 'Facts with a date in the text or a supporting article published in the range.'),
        h('div', { class: 'date-row' }, from, h('span', { class: 'muted' }, 'to'), to),
      ]),
      this.resetButton,
    );
    this.update();
  }

  /** After a filter changed: the legend greys out hidden types, and the reset button wakes up. */
  update(): void {
    this.resetButton.disabled = !isFiltering(this.state);
    this.renderLegend(this.nodeTypes, this.edgeCount);
  }

  private renderLegend(nodeTypes: Map<string, number>, edgeCount: number): void {
    replaceChildren(
      this.legend,
      ...[...nodeTypes.keys()].sort(typeOrder).map((type) =>
        h('span', { class: `legend-item${this.state.hiddenNodeTypes.has(type) ? ' off' : ''}` }, swatchOf(type), type),
      ),
      edgeCount
        ? this.isLight()
          ? h('span', { class: 'legend-item' }, h('span', { class: 'legend-edge plain' }), 'fact')
          : h('span', { class: 'legend-item' }, h('span', { class: 'legend-edge' }), 'fact (arrow: subject → object)')
        : null,
    );
    this.legend.hidden = nodeTypes.size === 0;
  }

  private toggle(set: Set<string>, value: string, add: boolean): void {
    if (add) set.add(value);
    else set.delete(value);
    void this.apply();
  }

  private reset(): void {
    Object.assign(this.state, emptyFilters());
    this.refresh();
    void this.apply();
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function swatchOf(type: string): SVGSVGElement {
  const look = lookOf(type);
  return swatch(look.color, look.shape, 14);
}

function group(title: string, id: string, rows: HTMLElement[]): HTMLElement {
  return h('fieldset', { class: 'filter-group', id }, h('legend', {}, title), ...rows);
}

function switchRow(label: string, n: number, checked: boolean, onChange: (on: boolean) => void, icon?: SVGSVGElement): HTMLElement {
  const box = h('input', { type: 'checkbox', checked, data: { value: label } });
  box.addEventListener('change', () => onChange(box.checked));
  return h('label', { class: 'switch-row' }, box, icon ?? null, h('span', { class: 'switch-label' }, label), h('span', { class: 'count' }, String(n)));
}
