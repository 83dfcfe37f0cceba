import type { Writable } from 'node:stream';
import Graph from 'graphology';
import { write as writeGexfText } from 'graphology-gexf';
import type { AttributeSpec, AttributeValue, GraphStream } from './model';
import { scalarText } from './values';
import { xmlSafe } from './xml';

/**
 * Writes a graph as GEXF 1.2 for Gephi, through graphology-gexf's writer. Unlike the other writers this one
 * holds the whole graph (and its text) in memory, as the library builds the document in one piece: fine for
 * graphs Gephi can lay out, not for millions of edges (use GraphML for those).
 */
export async function writeGexf(graph: GraphStream, out: Writable): Promise<{ nodes: number; edges: number }> {
  const g = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  const nodeSpecs = graph.schema.node.filter((s) => s.graph);
  const edgeSpecs = graph.schema.edge.filter((s) => s.graph);
  for await (const node of graph.nodes()) g.addNode(node.id, values(nodeSpecs, node.attributes));
  for await (const edge of graph.edges()) g.addEdgeWithKey(edge.id, edge.source, edge.target, values(edgeSpecs, edge.attributes));
  const text = writeGexfText(g, {
    version: '1.2',
    formatNode: (_key, attributes) => {
      const { label, ...rest } = attributes;
      return { label: label as string, attributes: rest };
    },
    // Gephi shows an edge's label: the relationship type
    formatEdge: (_key, attributes) => ({ label: attributes.type as string, attributes }),
  });
  await new Promise<void>((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));
  return { nodes: g.order, edges: g.size };
}

/** Lists joined as in GraphML; strings cleared of what XML cannot hold (the library escapes only markup). */
function values(specs: readonly AttributeSpec[], attributes: Readonly<Record<string, AttributeValue | undefined>>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const spec of specs) {
    const value = attributes[spec.name];
    if (value === undefined) continue;
    if (typeof value === 'number' || typeof value === 'boolean') out[spec.name] = value;
    else {
      const text = scalarText(spec, value);
      if (text !== undefined) out[spec.name] = xmlSafe(text);
    }
  }
  return out;
}
