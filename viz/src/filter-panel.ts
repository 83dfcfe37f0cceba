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

  constructor(
    private readonly root: HTMLElement,
    private readonly legend: HTMLElement,
    private readonly cy: Core,
    private readonly apply: () => void | Promise<void>,
  ) {}

  refresh(): void {
    const nodeTypes = count(this.cy.nodes().map((n) => (n.data() as NodeData).type));
    const edgeTypes = count(this.cy.edges().map((e) => (e.data() as EdgeData).type));
    const outlets = count(this.cy.edges().map((e) => sourcesOf((e.data() as EdgeData).properties)).flat());
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
    this.renderLegend(count(this.cy.nodes().map((n) => (n.data() as NodeData).type)));
  }

  private renderLegend(nodeTypes: Map<string, number>): void {
    const edgeCount = this.cy.edges().length;
    replaceChildren(
      this.legend,
      ...[...nodeTypes.keys()].sort(typeOrder).map((type) =>
        h('span', { class: `legend-item${this.state.hiddenNodeTypes.has(type) ? ' off' : ''}` }, swatchOf(type), type),
      ),
      edgeCount ? h('span', { class: 'legend-item' }, h('span', { class: 'legend-edge' }), 'fact (arrow: subject → object)') : null,
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

function count(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
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
