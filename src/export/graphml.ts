import type { Writable } from 'node:stream';
import type { AttributeSpec, GraphStream } from './model';
import { TextSink } from './sink';
import { scalarText } from './values';
import { escapeAttribute, escapeText, xmlToken } from './xml';

/**
 * Streams a graph as GraphML (http://graphml.graphdrawing.org/): one <key> per attribute of the schema,
 * declared before the first node, then the nodes, then the directed edges, each with its own id (parallel edges
 * stay). Lists are joined with " | " into string attributes; `labels` reads ":Entity:Person" as APOC writes it.
 * Memory stays at about one output chunk, whatever the size of the graph.
 */
export async function writeGraphml(graph: GraphStream, out: Writable): Promise<{ nodes: number; edges: number }> {
  const sink = new TextSink(out);
  const nodeKeys = declare(graph.schema.node, 'node');
  const edgeKeys = declare(graph.schema.edge, 'edge');
  sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const key of [...nodeKeys, ...edgeKeys]) sink.write(key.declaration);
  sink.write('  <graph id="G" edgedefault="directed">\n');

  let nodes = 0;
  for await (const node of graph.nodes()) {
    sink.write(`    <node id="${xmlToken(node.id)}">${data(nodeKeys, node.attributes)}</node>\n`);
    nodes++;
    if (sink.full) await sink.flush();
  }
  let edges = 0;
  for await (const edge of graph.edges()) {
    sink.write(`    <edge id="${xmlToken(edge.id)}" source="${xmlToken(edge.source)}" target="${xmlToken(edge.target)}">${data(edgeKeys, edge.attributes)}</edge>\n`);
    edges++;
    if (sink.full) await sink.flush();
  }
  sink.write('  </graph>\n</graphml>\n');
  await sink.close();
  return { nodes, edges };
}

interface Key {
  spec: AttributeSpec;
  /** `<data key="…">`, ready to append */
  open: string;
  declaration: string;
}

function declare(specs: readonly AttributeSpec[], domain: 'node' | 'edge'): Key[] {
  return specs
    .filter((spec) => spec.graph)
    .map((spec) => {
      const id = xmlToken(`${domain === 'node' ? 'n' : 'e'}.${spec.name}`);
      // a list joined into one string is a string, whatever its entries are
      const type = spec.list ? 'string' : spec.type;
      return {
        spec,
        open: `<data key="${id}">`,
        declaration: `  <key id="${id}" for="${domain}" attr.name="${escapeAttribute(xmlToken(spec.name))}" attr.type="${type}"/>\n`,
      };
    });
}

function data(keys: readonly Key[], attributes: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const key of keys) {
    const text = scalarText(key.spec, attributes[key.spec.name] as never);
    if (text !== undefined) out += `${key.open}${escapeText(text)}</data>`;
  }
  return out;
}
