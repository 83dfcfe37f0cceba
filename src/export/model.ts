/**
 * The graph as the exporters see it: plain nodes and edges with attributes, read once, in order (every node
 * before any edge), so a writer can stream it. The attributes each node and edge may carry are known before the
 * first node, because XML formats declare them first.
 */

/** The attribute types GraphML knows; GEXF, CSV and JSON map them to theirs. */
export type AttributeType = 'string' | 'int' | 'long' | 'double' | 'boolean';

export type AttributeValue = string | number | boolean | readonly string[] | readonly number[];

export interface AttributeSpec {
  /** the attribute's name in every format (a Neo4j property name where it is one) */
  name: string;
  /** the type of the value, or of each entry when `list` */
  type: AttributeType;
  /** a list in Neo4j; formats without lists join it (see LIST_SEPARATOR) */
  list: boolean;
  /** stored in Neo4j (the CSV dump writes it); false for values computed for the export, such as degree */
  stored: boolean;
  /** written to the graph formats (GraphML, GEXF, JSON); the bulky evidence lists only go to the CSV dump */
  graph: boolean;
}

export interface GraphSchema {
  node: readonly AttributeSpec[];
  edge: readonly AttributeSpec[];
}

export interface GraphNode {
  id: string;
  /** Neo4j labels, e.g. ['Entity', 'Location', 'Country'] */
  labels: readonly string[];
  attributes: Readonly<Record<string, AttributeValue | undefined>>;
}

export interface GraphEdge {
  /** unique within the export */
  id: string;
  source: string;
  target: string;
  /** the relationship type, e.g. MET_WITH */
  type: string;
  attributes: Readonly<Record<string, AttributeValue | undefined>>;
}

/** A graph read once: `nodes()` is consumed before `edges()`, each at most once. */
export interface GraphStream {
  schema: GraphSchema;
  nodes(): AsyncIterable<GraphNode>;
  edges(): AsyncIterable<GraphEdge>;
}

/** How lists are joined in formats without lists; the same separator as `aliasText` in Neo4j. */
export const LIST_SEPARATOR = ' | ';

/** A graph held in memory (a preset's result, a test's data) as a GraphStream. */
export function memoryGraph(schema: GraphSchema, nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>): GraphStream {
  return {
    schema,
    async *nodes() {
      yield* nodes;
    },
    async *edges() {
      yield* edges;
    },
  };
}
