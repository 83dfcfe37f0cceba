import type { Json } from './types';

export function percent(value: number | null | undefined): string {
  return typeof value === 'number' ? `${Math.round(value * 100)}%` : '–';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A table cell: graph values by their label, lists joined, maps as JSON; always plain text. */
export function cellText(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (value.kind === 'node' && typeof value.label === 'string') return value.label;
  if (value.kind === 'relationship' && typeof value.type === 'string') return `:${value.type}`;
  if (value.kind === 'path' && Array.isArray(value.nodes)) return `path of ${value.nodes.length} nodes`;
  return JSON.stringify(value);
}

/** Relationship types as people read them: ATTENDED → attended, HOLDS_POSITION → holds position. */
export function relationWords(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}
