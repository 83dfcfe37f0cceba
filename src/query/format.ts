import type { Json, QueryResult } from './shape';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A result as the CLI prints it to stdout; messages about it (truncation) are the caller's business. */
export function formatResult(result: QueryResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'csv':
      return formatCsv(result);
    case 'table':
      return formatTable(result);
  }
}

/** A cell as text: graph values by their name or type, lists joined; JSON for anything nested deeper. */
export function cellText(value: Json, separator = ', '): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => cellText(v, separator)).join(separator);
  if (value.kind === 'node' && typeof value.label === 'string') return value.label;
  if (value.kind === 'relationship' && typeof value.type === 'string') return value.type;
  if (value.kind === 'path' && Array.isArray(value.nodes)) return value.nodes.join(' - ');
  return JSON.stringify(value);
}

const MAX_CELL = 60;

function formatTable(result: QueryResult): string {
  if (result.columns.length === 0) return '(no columns)\n';
  const cells = result.rows.map((row) => result.columns.map((c) => clip(oneLine(cellText(row[c] ?? null)))));
  const widths = result.columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i]))));
  const line = (values: string[]): string => values.map((v, i) => v + ' '.repeat(widths[i] - width(v))).join('  ').trimEnd();
  const out = [line(result.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  out.push(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ', truncated at the row limit' : ''})`);
  return `${out.join('\n')}\n`;
}

function formatCsv(result: QueryResult): string {
  const lines = [result.columns.map(csvField).join(',')];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvField(cellText(row[c] ?? null, '; '))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length > MAX_CELL ? `${chars.slice(0, MAX_CELL - 1).join('')}…` : text;
}

function width(text: string): number {
  return [...text].length;
}
