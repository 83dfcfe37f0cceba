import { api } from './api';
import { h, replaceChildren } from './dom';
import { renderError, renderResult } from './results';
import type { ParamSpec, ParamValue, PresetInfo, QueryResult } from './types';

/** Draws a result: `replace` empties the graph first. Returns what it added. */
export type Draw = (result: QueryResult, mode: 'replace' | 'add') => { nodes: number; edges: number };

/**
 * The preset runner: pick a preset, get a form built from its header (types, ranges, defaults), run it, and
 * the result is drawn. Unfilled optional fields send their defaults.
 */
export function mountPresets(root: HTMLElement, presets: readonly PresetInfo[], draw: Draw): void {
  const select = h('select', { id: 'preset-select', aria: { label: 'Preset' } }, ...presets.map((p) => h('option', { value: p.name }, p.name)));
  const description = h('p', { class: 'help' });
  const fields = h('div', { class: 'fields' });
  const mode = modeSwitch('preset');
  const run = h('button', { type: 'submit', class: 'primary', id: 'preset-run' }, 'Run preset');
  const out = h('div', { class: 'result', id: 'preset-result', aria: { live: 'polite' } });
  let inputs: Array<ReturnType<typeof paramInput>> = [];

  const build = (): void => {
    const preset = presets.find((p) => p.name === select.value);
    if (!preset) return;
    description.textContent = preset.description;
    inputs = preset.params.map((spec) => paramInput(spec));
    replaceChildren(fields, ...(inputs.length ? inputs.map((i) => i.row) : [h('p', { class: 'muted' }, 'No parameters.')]));
    replaceChildren(out);
  };
  const form = h('form', { class: 'query-form' },
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Preset'), select),
    description,
    fields,
    h('div', { class: 'form-foot' }, mode.element, run),
  );
  // the server's answer names the parameter and its bounds, and shows in place like every other error
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values: Record<string, ParamValue> = {};
    for (const { spec, read } of inputs) {
      const value = read();
      if (value !== undefined) values[spec.name] = value;
    }
    run.disabled = true;
    try {
      const result = await api.runPreset(select.value, values);
      renderResult(out, result, draw(result, mode.value()));
    } catch (error) {
      renderError(out, error as Error);
    } finally {
      run.disabled = false;
    }
  });
  select.addEventListener('change', build);
  replaceChildren(root, form, out);
  build();
}

/** The read-only Cypher box; the server refuses writes, and any error shows under the box. Ctrl+Enter runs it. */
export function mountCypher(root: HTMLElement, draw: Draw): void {
  const text = h('textarea', {
    id: 'cypher-text',
    rows: 7,
    spellcheck: false,
    aria: { label: 'Cypher query' },
    value: 'MATCH (p:Person)-[fact]->(other:Entity)\nRETURN p, fact, other\nLIMIT 100',
  });
  const mode = modeSwitch('cypher');
  const run = h('button', { type: 'submit', class: 'primary', id: 'cypher-run' }, 'Run query');
  const out = h('div', { class: 'result', id: 'cypher-result', aria: { live: 'polite' } });
  const form = h('form', { class: 'query-form' },
    h('p', { class: 'help' }, 'Read-only Cypher. Nodes, relationships and paths it returns are drawn; ', h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' runs it.'),
    text,
    h('div', { class: 'form-foot' }, mode.element, run),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (text.value.trim() === '') return;
    run.disabled = true;
    try {
      const result = await api.cypher(text.value);
      renderResult(out, result, draw(result, mode.value()));
    } catch (error) {
      renderError(out, error as Error);
    } finally {
      run.disabled = false;
    }
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  replaceChildren(root, form, out);
}

function modeSwitch(name: string): { element: HTMLElement; value: () => 'replace' | 'add' } {
  const replace = h('input', { type: 'radio', value: 'replace', checked: true });
  const add = h('input', { type: 'radio', value: 'add' });
  replace.name = add.name = `${name}-mode`;
  return {
    element: h('div', { class: 'segmented', role: 'radiogroup', aria: { label: 'Draw the result' } },
      h('label', {}, replace, h('span', {}, 'Replace')),
      h('label', {}, add, h('span', {}, 'Add')),
    ),
    value: () => (add.checked ? 'add' : 'replace'),
  };
}

function paramInput(spec: ParamSpec): { spec: ParamSpec; read: () => ParamValue | undefined; row: HTMLElement } {
  const id = `param-${spec.name}`;
  const hint = [spec.type, spec.min !== undefined || spec.max !== undefined ? `${spec.min ?? ''}–${spec.max ?? ''}` : null, spec.default === undefined ? 'required' : null]
    .filter(Boolean)
    .join(', ');
  let input: HTMLInputElement;
  let read: () => ParamValue | undefined;
  if (spec.type === 'boolean') {
    input = h('input', { type: 'checkbox', id, checked: spec.default === true });
    read = () => input.checked;
  } else if (spec.type === 'int' || spec.type === 'float') {
    input = h('input', {
      type: 'number',
      id,
      step: spec.type === 'int' ? '1' : 'any',
      min: spec.min === undefined ? undefined : String(spec.min),
      max: spec.max === undefined ? undefined : String(spec.max),
      value: spec.default === undefined ? '' : String(spec.default),
    });
    // an empty field falls back to the default; text that is not a number goes as-is so the server names the problem
    read = () => (input.value.trim() === '' ? undefined : Number.isNaN(Number(input.value)) ? input.value : Number(input.value));
  } else {
    input = h('input', { type: 'text', id, value: spec.default === undefined ? '' : String(spec.default), placeholder: spec.description });
    read = () => (input.value === '' && spec.default === undefined ? undefined : input.value);
  }
  input.dataset.param = spec.name;
  const row = h('label', { class: 'field', for: id },
    h('span', { class: 'field-label' }, spec.name, h('span', { class: 'field-type' }, hint)),
    input,
    spec.description ? h('span', { class: 'field-help' }, spec.description) : null,
  );
  return { spec, read, row };
}
