import { h, replaceChildren } from './dom';
import { cellText, plural } from './format';
import type { QueryResult } from './types';

const SHOWN_ROWS = 100;

/** The rows of a preset or Cypher result as a compact table under the form, with what was drawn. */
export function renderResult(box: HTMLElement, result: QueryResult, drawn: { nodes: number; edges: number }): void {
  const summary = [
    plural(result.rows.length, 'row'),
    `${plural(drawn.nodes, 'node')} and ${plural(drawn.edges, 'link')} added to the graph`,
  ].join(' · ');
  replaceChildren(
    box,
    h('p', { class: 'result-summary' }, summary),
    result.truncated ? h('p', { class: 'warning' }, 'The server stopped at its row limit: the result is cut short.') : null,
    result.rows.length === 0
      ? h('p', { class: 'muted' }, 'No rows.')
      : h('div', { class: 'table-wrap' },
          h('table', { class: 'result-table' },
            h('thead', {}, h('tr', {}, ...result.columns.map((c) => h('th', {}, c)))),
            h('tbody', {}, ...result.rows.slice(0, SHOWN_ROWS).map((row) => h('tr', {}, ...result.columns.map((c) => {
              const text = cellText(row[c]);
              return h('td', { title: text.length > 60 ? text : undefined }, text.length > 60 ? `${text.slice(0, 57)}…` : text);
            })))),
          ),
        ),
    result.rows.length > SHOWN_ROWS ? h('p', { class: 'muted' }, `First ${SHOWN_ROWS} rows shown.`) : null,
  );
}

/** An error in place, under the form that caused it. */
export function renderError(box: HTMLElement, error: Error & { code?: string }): void {
  replaceChildren(box, h('div', { class: 'error-box', role: 'alert' }, error.code ? h('strong', {}, error.code.replace(/_/g, ' ')) : null, h('span', {}, error.message)));
}
