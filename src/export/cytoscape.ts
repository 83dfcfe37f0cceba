import type { Writable } from 'node:stream';
import type { AttributeSpec, GraphStream } from './model';
import { TextSink } from './sink';

/**
 * Streams a graph as cytoscape.js elements, `{"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}}`,
 * the viewer's format: `cytoscape({elements: json.elements})` loads it. Lists stay JSON arrays.
 */
export async function writeCytoscapeJson(graph: GraphStream, out: Writable): Promise<{ nodes: number; edges: number }> {
  const sink = new TextSink(out);
  const nodeNames = names(graph.schema.node);
  const edgeNames = names(graph.schema.edge);
  sink.write('{"elements":{"nodes":[');
  let nodes = 0;
  for await (const node of graph.nodes()) {
    const data: Record<string, unknown> = { id: node.id };
    for (const name of nodeNames) if (node.attributes[name] !== undefined) data[name] = node.attributes[name];
    sink.write(`${nodes === 0 ? '\n' : ',\n'}{"data":${JSON.stringify(data)}}`);
    nodes++;
    await sink.drain();
  }
  sink.write('\n],"edges":[');
  let edges = 0;
  for await (const edge of graph.edges()) {
    const data: Record<string, unknown> = { id: edge.id, source: edge.source, target: edge.target };
    for (const name of edgeNames) if (edge.attributes[name] !== undefined) data[name] = edge.attributes[name];
    sink.write(`${edges === 0 ? '\n' : ',\n'}{"data":${JSON.stringify(data)}}`);
    edges++;
    await sink.drain();
  }
  sink.write('\n]}}\n');
  await sink.close();
  return { nodes, edges };
}

// id, source and target are cytoscape's own fields; an attribute of that name would overwrite them
const names = (specs: readonly AttributeSpec[]): string[] =>
  specs.filter((s) => s.graph && !['id', 'source', 'target'].includes(s.name)).map((s) => s.name);
