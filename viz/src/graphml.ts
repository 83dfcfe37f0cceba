import type { EdgeData, Json, NodeData } from './types';

/**
 * GraphML of the elements on screen, written in the page so "export the current view" needs no round trip.
 * Every property becomes a <key>: numbers as long or double, booleans as boolean, lists joined with ` | ` as the
 * server's GraphML writer does (src/export), maps as JSON, the rest as string. The whole graph comes from the server's exporter instead (GET /api/export/graphml).
 */

type AttrType = 'string' | 'long' | 'double' | 'boolean';

interface KeySpec {
  id: string;
  name: string;
  type: AttrType;
}

export function toGraphML(nodes: readonly NodeData[], edges: readonly EdgeData[]): string {
  const nodeRows = nodes.map((n) => ({ id: n.id, values: { label: n.label, type: n.type, labels: n.labels as Json, ...withoutDerived(n.properties) } }));
  const edgeRows = edges.map((e) => ({ id: e.id, source: e.source, target: e.target, values: { label: e.type, type: e.type, ...withoutDerived(e.properties) } }));
  const nodeKeys = keysOf('n', nodeRows.map((r) => r.values));
  const edgeKeys = keysOf('e', edgeRows.map((r) => r.values));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [domain, keys] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const k of keys) lines.push(`  <key id="${k.id}" for="${domain}" attr.name="${escape(k.name)}" attr.type="${k.type}"/>`);
  }
  lines.push('  <graph id="view" edgedefault="directed">');
  for (const row of nodeRows) {
    lines.push(`    <node id="${escape(row.id)}">`, ...dataLines(nodeKeys, row.values), '    </node>');
  }
  for (const row of edgeRows) {
    lines.push(`    <edge id="${escape(row.id)}" source="${escape(row.source)}" target="${escape(row.target)}">`, ...dataLines(edgeKeys, row.values), '    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

// the viewer's own fields (label, type) are written from the element; a property of the same name would clash
function withoutDerived(properties: Record<string, Json>): Record<string, Json> {
  const { label: _label, type: _type, ...rest } = properties;
  return rest;
}

function keysOf(prefix: string, rows: ReadonlyArray<Record<string, Json>>): KeySpec[] {
  const types = new Map<string, AttrType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (value === null) continue;
      const type = attrType(value);
      const seen = types.get(name);
      types.set(name, seen === undefined || seen === type ? type : seen === 'long' && type === 'double' ? 'double' : seen === 'double' && type === 'long' ? 'double' : 'string');
    }
  }
  return [...types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, type], i) => ({ id: `${prefix}${i}`, name, type }));
}

function attrType(value: Json): AttrType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function dataLines(keys: readonly KeySpec[], values: Record<string, Json>): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const value = values[key.name];
    const text = textOf(value);
    if (text === undefined) continue;
    out.push(`      <data key="${key.id}">${escape(text)}</data>`);
  }
  return out;
}

export const LIST_SEPARATOR = ' | ';

function textOf(value: Json | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join(LIST_SEPARATOR);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// characters XML 1.0 cannot hold at all are dropped rather than written as invalid references
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escape(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
