import { api } from './api';
import { h, replaceChildren, swatch } from './dom';
import { strings } from './format';
import { lookOf } from './palette';
import type { NodeElement, QueryResult } from './types';

/**
 * The search box: completion over entity names and aliases (GET /api/entities) as the user types, arrow keys
 * to move, Enter to open. Answers that arrive after a newer keystroke are dropped.
 */
export function mountSearch(input: HTMLInputElement, list: HTMLElement, onPick: (node: NodeElement) => void): void {
  let sequence = 0;
  let items: NodeElement[] = [];
  let active = -1;
  let timer: number | undefined;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = (index: number): void => {
    const node = items[index];
    if (!node) return;
    close();
    input.value = node.data.label;
    input.blur();
    onPick(node);
  };
  const highlightActive = (): void => {
    [...list.children].forEach((li, i) => li.classList.toggle('active', i === active));
  };
  const render = (result: QueryResult, query: string): void => {
    const byId = new Map(result.nodes.map((n) => [n.data.id, n]));
    items = result.rows.flatMap((row) => {
      const entity = row.entity as { id?: string } | null;
      const node = entity?.id ? byId.get(entity.id) : undefined;
      return node ? [node] : [];
    });
    active = items.length ? 0 : -1;
    if (items.length === 0) {
      replaceChildren(list, h('li', { class: 'no-match' }, `No entity matches “${query}”`));
    } else {
      replaceChildren(list, ...items.map((node, i) => option(node, query, () => pick(i))));
      highlightActive();
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const query = input.value.trim();
    if (query === '') {
      close();
      return;
    }
    timer = window.setTimeout(async () => {
      const mine = ++sequence;
      try {
        const result = await api.search(query, 8);
        if (mine === sequence) render(result, query);
      } catch (error) {
        if (mine !== sequence) return;
        replaceChildren(list, h('li', { class: 'no-match error-text' }, (error as Error).message));
        list.hidden = false;
      }
    }, 140);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden || items.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      highlightActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
  input.addEventListener('focus', () => {
    if (items.length && input.value.trim()) {
      list.hidden = false;
      highlightActive();
    }
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

/** One suggestion; when the name itself does not contain what was typed, the alias that matched is shown. */
function option(node: NodeElement, query: string, pick: () => void): HTMLElement {
  const look = lookOf(node.data.type);
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const matches = (text: string): boolean => words.every((w) => text.toLowerCase().includes(w));
  const alias = matches(node.data.label) ? undefined : strings(node.data.properties.aliases).find(matches);
  const mentions = node.data.properties.mentionCount;
  return h('li', { role: 'option', class: 'suggestion', data: { id: node.data.id }, on: { mousedown: (e) => { e.preventDefault(); pick(); } } },
    swatch(look.color, look.shape, 14),
    h('span', { class: 'suggestion-name' }, node.data.label, alias ? h('span', { class: 'alias' }, `also “${alias}”`) : null),
    h('span', { class: 'suggestion-type' }, node.data.type),
    typeof mentions === 'number' ? h('span', { class: 'count' }, String(mentions)) : null,
  );
}
