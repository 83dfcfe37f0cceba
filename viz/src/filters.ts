import type { EdgeData, Json, NodeData } from './types';

/**
 * What the filter panel asks for, and whether an element passes. Pure, so the rules are tested without a browser.
 * Empty sets and empty dates mean "no filter".
 */
export interface FilterState {
  /** entity types switched off */
  hiddenNodeTypes: Set<string>;
  /** relationship types switched off */
  hiddenEdgeTypes: Set<string>;
  /** when not empty, only facts some of these outlets report */
  sources: Set<string>;
  /** YYYY-MM-DD bounds, inclusive; '' when open */
  from: string;
  to: string;
}

export function emptyFilters(): FilterState {
  return { hiddenNodeTypes: new Set(), hiddenEdgeTypes: new Set(), sources: new Set(), from: '', to: '' };
}

export function isFiltering(state: FilterState): boolean {
  return state.hiddenNodeTypes.size > 0 || state.hiddenEdgeTypes.size > 0 || state.sources.size > 0 || state.from !== '' || state.to !== '';
}

export type PublishedOf = (articleId: string) => string | undefined;

/**
 * A fact passes when its type is on, some outlet reporting it is chosen, and some date it has falls in the
 * range: a date the text gives, or the publication date of a supporting article. An undated fact fails a date range.
 */
export function edgePasses(edge: Pick<EdgeData, 'type' | 'properties'>, state: FilterState, publishedOf: PublishedOf): boolean {
  if (state.hiddenEdgeTypes.has(edge.type)) return false;
  if (state.sources.size > 0 && !sourcesOf(edge.properties).some((s) => state.sources.has(s))) return false;
  if (state.from !== '' || state.to !== '') return datesOf(edge.properties, publishedOf).some((d) => inRange(d, state));
  return true;
}

/** Entities pass on their type; articles (from user Cypher) also on their outlet and publication date. */
export function nodePasses(node: Pick<NodeData, 'type' | 'properties'>, state: FilterState): boolean {
  if (state.hiddenNodeTypes.has(node.type)) return false;
  const { source, published } = node.properties;
  if (state.sources.size > 0 && typeof source === 'string' && !state.sources.has(source)) return false;
  if ((state.from !== '' || state.to !== '') && typeof published === 'string' && !inRange(published, state)) return false;
  return true;
}

export function sourcesOf(properties: Record<string, Json>): string[] {
  return strings(properties.sourceNames);
}

export function datesOf(properties: Record<string, Json>, publishedOf: PublishedOf): string[] {
  const dates = [...strings(properties.dates), ...strings(properties.evidenceDate).filter((d) => d !== '')];
  for (const article of strings(properties.articles)) {
    const published = publishedOf(article);
    if (published) dates.push(published);
  }
  return dates;
}

function inRange(date: string, state: FilterState): boolean {
  const day = date.slice(0, 10);
  return (state.from === '' || day >= state.from) && (state.to === '' || day <= state.to);
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
