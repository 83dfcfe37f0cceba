import type { QueryResult } from '../query';
import { memoryGraph, type AttributeSpec, type AttributeType, type AttributeValue, type GraphEdge, type GraphNode, type GraphStream } from './model';
import { exportSchema } from './schema';

/**
 * A query's result (a preset's, or the user's Cypher) as an exportable graph: its nodes, and those of its
 * relationships whose two ends it also returned. Degree counts the edges of this result, as in a whole-graph export.
 */
export function resultGraph(result: QueryResult): GraphStream {
  const ids = new Set(result.nodes.map((n) => n.data.id));
  const edges = result.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target));
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.data.source, (degree.get(e.data.source) ?? 0) + 1);
    degree.set(e.data.target, (degree.get(e.data.target) ?? 0) + 1);
  }
  const includeArticles = result.nodes.some((n) => n.data.labels.includes('Article'));
  const base = exportSchema({ includeArticles });
  const known = new Set(base.edge.map((a) => a.name));
  const extra = new Map<string, AttributeSpec>();
  for (const e of edges) {
    for (const [name, value] of Object.entries(e.data.properties)) {
      if (known.has(name) || extra.has(name) || name.startsWith('evidence') || name.startsWith('__')) continue;
      const type = scalarType(value);
      if (type !== undefined) extra.set(name, { name, type, list: false, stored: true, graph: true });
    }
  }
  const schema = exportSchema({ includeArticles, extraEdgeAttributes: [...extra.values()] });

  const nodes: GraphNode[] = result.nodes.map((n) => ({
    id: n.data.id,
    labels: n.data.labels,
    attributes: { ...pick(n.data.properties, schema.node), label: n.data.label, labels: n.data.labels.map((l) => `:${l}`).join(''), degree: degree.get(n.data.id) ?? 0 },
  }));
  const graphEdges: GraphEdge[] = edges.map((e) => ({
    id: e.data.id,
    source: e.data.source,
    target: e.data.target,
    type: e.data.type,
    attributes: { ...pick(e.data.properties, schema.edge), type: e.data.type },
  }));
  return memoryGraph(schema, nodes, graphEdges);
}

function pick(properties: Record<string, unknown>, specs: readonly AttributeSpec[]): Record<string, AttributeValue | undefined> {
  const out: Record<string, AttributeValue | undefined> = {};
  for (const spec of specs) {
    const value = properties[spec.name];
    if (value !== null && value !== undefined) out[spec.name] = value as AttributeValue;
  }
  return out;
}

function scalarType(value: unknown): AttributeType | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return undefined;
}
