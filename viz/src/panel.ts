import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { api, articleOfRow, ENTITY_ARTICLES_CYPHER } from './api';
import type { ArticleCache } from './articles';
import { h, replaceChildren, swatch, type Child } from './dom';
import { evidenceOf, highlight, type Evidence } from './evidence';
import { cellText, percent, plural, strings } from './format';
import { lookOf } from './palette';
import type { EdgeData, Json, NodeData, QueryResult } from './types';

/** What the panel's buttons do; main.ts owns the graph and passes these in. */
export interface PanelActions {
  expand(id: string): Promise<void>;
  focus(id: string): boolean;
  hide(id: string): void;
  pin(id: string): boolean;
  isPinned(id: string): boolean;
  isFocused(id: string): boolean;
  select(id: string): void;
  /** adds a fact (and its other end) from an entity's fact list to the graph, then selects it */
  showFact(result: QueryResult, edgeId: string): void;
}

/** Properties the panels already show in their own way; the rest go into a plain table. */
const SHOWN = new Set([
  'id', 'name', 'type', 'aliases', 'aliasText', 'mentionCount', 'articleCount', 'text', 'texts', 'confidence', 'articles', 'sources',
  'sourceNames', 'evidenceCount', 'dates', 'firstDate', 'lastDate',
]);

/**
 * The side panel: an entity's type, aliases, facts and articles; a fact's every supporting sentence with the
 * subject, object and verb phrase marked. Everything from the graph is written as text.
 */
export class DetailsPanel {
  /** bumped at every render, so an answer for an earlier selection is dropped */
  private generation = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
    private readonly articles: ArticleCache,
  ) {
    this.empty();
  }

  empty(): void {
    this.generation++;
    replaceChildren(
      this.root,
      h('div', { class: 'empty-state' },
        h('p', { class: 'empty-title' }, 'Nothing selected'),
        h('p', {}, 'Click an entity or a fact in the graph, or search for a name above.'),
        h('ul', { class: 'hints' },
          h('li', {}, h('kbd', {}, 'double-click'), ' an entity to expand its neighbours'),
          h('li', {}, 'click a link to read the sentences behind it'),
        ),
      ),
    );
  }

  showNode(node: NodeSingular): void {
    const data = node.data() as NodeData;
    if (data.labels.includes('Entity')) this.showEntity(node, data);
    else this.showOther(data);
  }

  showEdge(edge: EdgeSingular): void {
    const data = edge.data() as EdgeData;
    if (Array.isArray(data.properties.evidenceArticle)) void this.showFact(edge, data);
    else this.showPlainEdge(edge, data);
  }

  private showEntity(node: NodeSingular, data: NodeData): void {
    const generation = ++this.generation;
    const props = data.properties;
    const look = lookOf(data.type);
    const aliases = strings(props.aliases).filter((a) => a !== data.label);
    const factsBox = h('div', { class: 'list-box' }, h('p', { class: 'muted' }, 'Loading facts…'));
    const articlesBox = h('div', { class: 'list-box' }, h('p', { class: 'muted' }, 'Loading articles…'));
    const expandButton = h('button', { class: 'primary', type: 'button', data: { action: 'expand' } }, 'Expand neighbours');
    expandButton.addEventListener('click', async () => {
      expandButton.disabled = true;
      try {
        await this.actions.expand(data.id);
      } finally {
        expandButton.disabled = false;
      }
    });
    const focusButton = toggleButton('focus', 'Focus', 'Unfocus', this.actions.isFocused(data.id), () => this.actions.focus(data.id));
    const pinButton = toggleButton('pin', 'Pin', 'Unpin', this.actions.isPinned(data.id), () => this.actions.pin(data.id));
    const hideButton = h('button', { type: 'button', data: { action: 'hide' }, on: { click: () => this.actions.hide(data.id) } }, 'Hide');

    replaceChildren(
      this.root,
      h('header', { class: 'detail-head' },
        h('div', { class: 'kind', style: { color: look.color } }, swatch(look.color, look.shape, 16), data.type, data.labels.includes('Country') ? ' · country' : null),
        h('h2', { class: 'detail-title' }, data.label),
        h('code', { class: 'detail-id' }, data.id),
      ),
      h('div', { class: 'actions' }, expandButton, focusButton, pinButton, hideButton),
      h('dl', { class: 'stats' },
        stat('Mentions', numberText(props.mentionCount)),
        stat('Articles', numberText(props.articleCount)),
        stat('Links shown', String(node.degree(false))),
      ),
      section('Also known as', aliases.length ? h('div', { class: 'chips' }, ...aliases.map((a) => h('span', { class: 'chip' }, a))) : h('p', { class: 'muted' }, 'No other names.')),
      section('Facts', factsBox),
      section('Articles', articlesBox),
      propertyTable(props),
    );

    api.entity(data.id).then(
      (result) => {
        if (generation === this.generation) replaceChildren(factsBox, factList(result, data.id, this.actions));
        if (generation === this.generation) expandButton.textContent = `Expand neighbours (${countNeighbours(result, data.id)})`;
      },
      (error: Error) => generation === this.generation && replaceChildren(factsBox, errorLine(error)),
    );
    api.cypher(ENTITY_ARTICLES_CYPHER, { id: data.id }).then(
      (result) => {
        if (generation !== this.generation) return;
        const rows = result.rows.map((row) => ({ article: articleOfRow(row), mentions: row.mentions }));
        rows.forEach((r) => this.articles.remember(r.article));
        replaceChildren(
          articlesBox,
          rows.length === 0
            ? h('p', { class: 'muted' }, 'No article mentions it.')
            : h('ul', { class: 'articles' },
                ...rows.map(({ article, mentions }) =>
                  h('li', {},
                    h('span', { class: 'article-title' }, article.title ?? article.id),
                    h('span', { class: 'meta' }, [article.source, article.published, typeof mentions === 'number' ? plural(mentions, 'mention') : null].filter(Boolean).join(' · ')),
                  ),
                ),
              ),
        );
      },
      (error: Error) => generation === this.generation && replaceChildren(articlesBox, errorLine(error)),
    );
  }

  private async showFact(edge: EdgeSingular, data: EdgeData): Promise<void> {
    const generation = ++this.generation;
    const props = data.properties;
    const subject = edge.source().data() as NodeData;
    const object = edge.target().data() as NodeData;
    const evidence = evidenceOf(props);
    const sourceNames = strings(props.sourceNames);
    const dates = strings(props.dates);
    const texts = strings(props.texts);
    const evidenceBox = h('div', { class: 'evidence-list' }, h('p', { class: 'muted' }, 'Loading articles…'));

    replaceChildren(
      this.root,
      h('header', { class: 'detail-head' },
        h('div', { class: 'kind' }, 'Fact'),
        h('h2', { class: 'fact-title' },
          entityLink(subject, this.actions),
          h('span', { class: 'relation' }, data.type),
          entityLink(object, this.actions),
        ),
      ),
      h('dl', { class: 'stats' },
        stat('Confidence', percent(typeof props.confidence === 'number' ? props.confidence : null), confidenceBar(props.confidence)),
        stat('Sources', String(typeof props.sources === 'number' ? props.sources : sourceNames.length)),
        stat('Sentences', String(evidence.length)),
      ),
      sourceNames.length ? section('Reported by', h('div', { class: 'chips' }, ...sourceNames.map((s) => h('span', { class: 'chip outlet' }, s)))) : null,
      dates.length ? section('Dates in the text', h('div', { class: 'chips' }, ...dates.map((d) => h('span', { class: 'chip date' }, d)))) : null,
      texts.length ? section('Worded as', h('div', { class: 'chips' }, ...texts.map((t) => h('span', { class: 'chip phrase' }, t)))) : null,
      h('section', { class: 'section' },
        h('h3', {}, `Evidence`, h('span', { class: 'legend-inline' }, h('mark', { class: 'm-subject' }, 'subject'), h('mark', { class: 'm-relation' }, 'relation'), h('mark', { class: 'm-object' }, 'object'))),
        evidenceBox,
      ),
      propertyTable(props),
    );

    try {
      await this.articles.ensure(evidence.map((e) => e.article));
    } catch {
      // the sentences still show without their article's title
    }
    if (generation !== this.generation) return;
    const subjectNames = [subject.label, ...strings(subject.properties.aliases)];
    const objectNames = [object.label, ...strings(object.properties.aliases)];
    const byArticle = new Map<string, Evidence[]>();
    for (const e of evidence) byArticle.set(e.article, [...(byArticle.get(e.article) ?? []), e]);
    replaceChildren(
      evidenceBox,
      ...[...byArticle.entries()].map(([articleId, items]) => {
        const article = this.articles.get(articleId);
        return h('article', { class: 'evidence', data: { article: articleId } },
          h('div', { class: 'evidence-head' },
            h('span', { class: 'outlet' }, article?.source ?? 'unknown outlet'),
            h('span', { class: 'meta' }, article?.published ?? ''),
          ),
          h('div', { class: 'article-title' }, article?.title ?? articleId),
          ...items.map((e) =>
            h('div', { class: 'sentence-block' },
              h('blockquote', { class: 'sentence' }, ...highlight(e, subjectNames, objectNames).map((s) => (s.mark ? h('mark', { class: `m-${s.mark}` }, s.text) : s.text))),
              h('div', { class: 'meta' },
                [e.text ? `“${e.text}”` : null, `confidence ${percent(e.confidence)}`, e.date ? `dated ${e.date}` : null].filter(Boolean).join(' · '),
              ),
              e.quote ? h('div', { class: 'quote' }, h('span', { class: 'quote-label' }, 'Quote '), e.quote) : null,
            ),
          ),
        );
      }),
    );
  }

  private showOther(data: NodeData): void {
    this.generation++;
    const look = lookOf(data.type);
    replaceChildren(
      this.root,
      h('header', { class: 'detail-head' },
        h('div', { class: 'kind', style: { color: look.color } }, swatch(look.color, look.shape, 16), data.type || data.labels.join(':')),
        h('h2', { class: 'detail-title' }, data.label),
        h('code', { class: 'detail-id' }, data.id),
      ),
      propertyTable(data.properties, true),
    );
  }

  private showPlainEdge(edge: EdgeSingular, data: EdgeData): void {
    this.generation++;
    replaceChildren(
      this.root,
      h('header', { class: 'detail-head' },
        h('div', { class: 'kind' }, 'Relationship'),
        h('h2', { class: 'fact-title' }, entityLink(edge.source().data(), this.actions), h('span', { class: 'relation' }, data.type), entityLink(edge.target().data(), this.actions)),
      ),
      propertyTable(data.properties, true),
    );
  }
}

function toggleButton(action: string, off: string, on: string, initial: boolean, toggle: () => boolean): HTMLButtonElement {
  const button = h('button', { type: 'button', data: { action }, aria: { pressed: String(initial) } }, initial ? on : off);
  button.addEventListener('click', () => {
    const state = toggle();
    button.textContent = state ? on : off;
    button.setAttribute('aria-pressed', String(state));
  });
  return button;
}

function section(title: string, body: Child): HTMLElement {
  return h('section', { class: 'section' }, h('h3', {}, title), body);
}

function stat(label: string, value: string, extra?: Child): HTMLElement {
  return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', {}, value, extra));
}

function numberText(value: Json | undefined): string {
  return typeof value === 'number' ? value.toLocaleString('en') : '–';
}

function confidenceBar(value: Json | undefined): HTMLElement | null {
  if (typeof value !== 'number') return null;
  const bar = h('span', { class: 'bar' }, h('span', { class: 'bar-fill', style: { width: `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%` } }));
  return bar;
}

function errorLine(error: Error): HTMLElement {
  return h('p', { class: 'error-text' }, error.message);
}

function entityLink(data: NodeData, actions: PanelActions): HTMLElement {
  const look = lookOf(data.type);
  return h('button', { type: 'button', class: 'entity-link', title: data.id, on: { click: () => actions.select(data.id) } }, swatch(look.color, look.shape, 12), data.label);
}

function countNeighbours(result: QueryResult, id: string): number {
  return new Set(result.nodes.map((n) => n.data.id).filter((n) => n !== id)).size;
}

/** The entity's facts as GET /api/entity/:id gives them; clicking one draws it and opens its evidence. */
function factList(result: QueryResult, id: string, actions: PanelActions): HTMLElement {
  const facts = result.edges.filter((e) => e.data.source === id || e.data.target === id);
  if (facts.length === 0) return h('p', { class: 'muted' }, 'No facts.');
  const label = new Map(result.nodes.map((n) => [n.data.id, n.data]));
  return h('ul', { class: 'facts' },
    ...facts.map((fact) => {
      const outgoing = fact.data.source === id;
      const other = label.get(outgoing ? fact.data.target : fact.data.source);
      const look = lookOf(other?.type ?? '');
      const sources = fact.data.properties.sources;
      return h('li', {},
        h('button', { type: 'button', class: 'fact-row', data: { edge: fact.data.id }, on: { click: () => actions.showFact(result, fact.data.id) } },
          h('span', { class: 'direction' }, outgoing ? '→' : '←'),
          h('span', { class: 'relation small' }, fact.data.type),
          swatch(look.color, look.shape, 11),
          h('span', { class: 'other' }, other?.label ?? '?'),
          typeof sources === 'number' ? h('span', { class: 'count', title: 'distinct outlets' }, plural(sources, 'source')) : null,
        ),
      );
    }),
  );
}

function propertyTable(properties: Record<string, Json>, all = false): HTMLElement | null {
  const rows = Object.entries(properties)
    .filter(([key]) => all || (!SHOWN.has(key) && !key.startsWith('evidence')))
    .sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return null;
  return h('details', { class: 'section props' },
    h('summary', {}, all ? 'Properties' : 'More properties'),
    h('table', {}, h('tbody', {}, ...rows.map(([key, value]) => h('tr', {}, h('th', {}, key), h('td', {}, cellText(value)))))),
  );
}
