import type { Writable } from 'node:stream';
import type { AttributeSpec, AttributeValue, GraphStream } from './model';
import { TextSink } from './sink';
import { scalarText } from './values';

/**
 * The graph as the two CSV files `neo4j-admin database import full` reads: nodes.csv (`id:ID`, `:LABEL`, typed
 * property columns such as `mentionCount:int` and `aliases:string[]`) and relationships.csv (`:START_ID`,
 * `:END_ID`, `:TYPE`, typed properties). Every stored property is written, the evidence lists included, so
 * importing the files recreates the graph. Text may hold newlines, and list entries are separated by U+001F
 * (the unit separator, removed from the text itself) because any printable separator occurs in real names;
 * hence the import needs the options in IMPORT_OPTIONS.
 */
export const ARRAY_DELIMITER = '\u001F';

/** The neo4j-admin options these files need. */
export const IMPORT_OPTIONS: readonly string[] = ['--array-delimiter=U+001F', '--multiline-fields=true'];

export const CSV_FILES = { nodes: 'nodes.csv', relationships: 'relationships.csv' } as const;

export interface CsvTargets {
  nodes: Writable;
  relationships: Writable;
}

export async function writeCsv(graph: GraphStream, targets: CsvTargets): Promise<{ nodes: number; edges: number }> {
  const nodeSpecs = graph.schema.node.filter((s) => s.stored);
  const edgeSpecs = graph.schema.edge.filter((s) => s.stored);

  const nodesOut = new TextSink(targets.nodes);
  nodesOut.write(row(['id:ID', ':LABEL', ...nodeSpecs.map(header)]));
  let nodes = 0;
  for await (const node of graph.nodes()) {
    nodesOut.write(row([quote(node.id), quote(node.labels.map(clean).join(ARRAY_DELIMITER)), ...cells(nodeSpecs, node.attributes)]));
    nodes++;
    await nodesOut.drain();
  }
  await nodesOut.close();

  const edgesOut = new TextSink(targets.relationships);
  edgesOut.write(row([':START_ID', ':END_ID', ':TYPE', ...edgeSpecs.map(header)]));
  let edges = 0;
  for await (const edge of graph.edges()) {
    edgesOut.write(row([quote(edge.source), quote(edge.target), quote(edge.type), ...cells(edgeSpecs, edge.attributes)]));
    edges++;
    await edgesOut.drain();
  }
  await edgesOut.close();
  return { nodes, edges };
}

const row = (fields: readonly string[]): string => `${fields.join(',')}\n`;

function header(spec: AttributeSpec): string {
  return `${spec.name}:${spec.type}${spec.list ? '[]' : ''}`;
}

function cells(specs: readonly AttributeSpec[], attributes: Readonly<Record<string, AttributeValue | undefined>>): string[] {
  return specs.map((spec) => {
    const value = attributes[spec.name];
    const text = scalarText(spec, Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? clean(v) : v)) : value, ARRAY_DELIMITER);
    // an empty field is an absent property; strings are quoted so commas, quotes and newlines survive
    if (text === undefined) return '';
    return spec.type === 'string' ? quote(Array.isArray(value) ? text : clean(text)) : text;
  });
}

const clean = (text: string): string => text.replaceAll(ARRAY_DELIMITER, ' ');
const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
