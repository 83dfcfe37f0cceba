import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import type { AttributeSpec, AttributeType, AttributeValue, GraphEdge, GraphNode, GraphStream } from './model';
import { ARTICLE_ATTRIBUTES, ENTITY_ATTRIBUTES, FACT_ATTRIBUTES, MENTION_ATTRIBUTES, exportSchema } from './schema';

export interface ReadGraphOptions {
  database?: string;
  /** Article nodes and their MENTIONS edges too (default: entities and facts only) */
  includeArticles?: boolean;
  /** every stored property, the evidence lists included (for the lossless CSV dump) */
  detail?: boolean;
}

/** A graph streamed out of Neo4j; close it when done, read through or not. */
export interface Neo4jGraphStream extends GraphStream {
  close(): Promise<void>;
}

/**
 * Opens one READ transaction (so nodes and edges are one consistent snapshot) and streams the graph out of it
 * record by record: the driver fetches in batches and pauses while the writer is behind, so memory stays
 * bounded. Node ids are the `id` properties; edge ids are the relationships' element ids, unique by nature.
 */
export async function readGraph(driver: Driver, options: ReadGraphOptions = {}): Promise<Neo4jGraphStream> {
  const includeArticles = options.includeArticles ?? false;
  const detail = options.detail ?? false;
  const session: Session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ, fetchSize: 5000 });
  let tx: Transaction | undefined;
  try {
    tx = await session.beginTransaction();
    const extras = await findExtraProperties(tx, detail);
    const schema = exportSchema({ includeArticles, extraEdgeAttributes: extras.edge, extraNodeAttributes: extras.node });
    const wanted = (specs: readonly AttributeSpec[]): string[] =>
      specs.filter((s) => s.stored && (detail || s.graph)).map((s) => s.name);
    const open = tx;

    return {
      schema,
      async *nodes() {
        const entityIn = includeArticles ? 'COUNT { (n)<--(:Entity) } + COUNT { (n)<-[:MENTIONS]-(:Article) }' : 'COUNT { (n)<--(:Entity) }';
        const entityProps = [...wanted(ENTITY_ATTRIBUTES), ...extras.node.map((e) => e.name)];
        yield* rows(open, `MATCH (n:Entity) RETURN n.id, labels(n), ${values('n', entityProps)}, COUNT { (n)-->(:Entity) } + ${entityIn}`, toNode(entityProps));
        if (includeArticles) {
          const articleProps = [...wanted(ARTICLE_ATTRIBUTES), ...extras.node.map((e) => e.name)];
          yield* rows(open, `MATCH (n:Article) RETURN n.id, labels(n), ${values('n', articleProps)}, COUNT { (n)-[:MENTIONS]->(:Entity) }`, toNode(articleProps));
        }
      },
      async *edges() {
        const factProps = [...wanted(FACT_ATTRIBUTES), ...extras.edge.map((e) => e.name)];
        yield* rows(open, `MATCH (s:Entity)-[r]->(o:Entity) RETURN elementId(r), s.id, o.id, type(r), ${values('r', factProps)}`, toEdge(factProps));
        if (includeArticles) {
          const mentionProps = [...wanted(MENTION_ATTRIBUTES), 'aliases'];
          yield* rows(open, `MATCH (s:Article)-[r:MENTIONS]->(o:Entity) RETURN elementId(r), s.id, o.id, type(r), ${values('r', mentionProps)}`, toEdge(mentionProps));
        }
      },
      async close() {
        try {
          await open.rollback();
        } finally {
          await session.close();
        }
      },
    };
  } catch (error) {
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close();
    throw error;
  }
}

async function* rows<T>(tx: Transaction, query: string, convert: (fields: readonly unknown[]) => T): AsyncGenerator<T> {
  for await (const record of tx.run(query)) {
    // positional fields: no per-record keys on the wire, no per-record objects to build
    yield convert(fieldsOf(record));
  }
}

function fieldsOf(record: { length: number; get(index: number): unknown }): unknown[] {
  const out = new Array<unknown>(record.length);
  for (let i = 0; i < record.length; i++) out[i] = record.get(i);
  return out;
}

/** Row: id, labels, [property values in `names` order], degree. */
const toNode =
  (names: readonly string[]) =>
  (row: readonly unknown[]): GraphNode => {
    const labels = row[1] as string[];
    const attributes = properties(names, row[2] as unknown[]);
    attributes.label = (attributes.name ?? attributes.title ?? row[0]) as string;
    attributes.labels = `:${labels.join(':')}`;
    attributes.degree = plain(row[3]) as number;
    return { id: String(row[0]), labels, attributes };
  };

/** Row: id, source id, target id, type, [property values in `names` order]. */
const toEdge =
  (names: readonly string[]) =>
  (row: readonly unknown[]): GraphEdge => {
    const type = row[3] as string;
    const attributes = properties(names, row[4] as unknown[]);
    attributes.type = type;
    return { id: String(row[0]), source: String(row[1]), target: String(row[2]), type, attributes };
  };

/** `[n.\`a\`, n.\`b\`]`: only the properties the export writes, so the bulky evidence stays in the database. */
function values(variable: string, names: readonly string[]): string {
  return `[${names.map((n) => `${variable}.\`${n.replace(/`/g, '``')}\``).join(', ')}]`;
}

function properties(names: readonly string[], values: readonly unknown[]): Record<string, AttributeValue | undefined> {
  const out: Record<string, AttributeValue | undefined> = {};
  for (let i = 0; i < names.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) out[names[i]!] = plain(v);
  }
  return out;
}

/**
 * Properties outside docs/data-model.md and their types, so they can be declared before the first node: on facts,
 * what a pattern adds (e.g. `title` on HOLDS_POSITION); with `nodes`, what a loader keeps on nodes (for the
 * lossless dump). Costs one pass over the property keys, skipped when the database knows no name outside the model.
 */
async function findExtraProperties(tx: Transaction, nodes: boolean): Promise<{ edge: AttributeSpec[]; node: AttributeSpec[] }> {
  const keys = ((await tx.run('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys')).records[0]?.get('keys') ?? []) as string[];
  const factNames = new Set([...FACT_ATTRIBUTES, ...MENTION_ATTRIBUTES].map((a) => a.name));
  const nodeNames = new Set(['id', ...[...ENTITY_ATTRIBUTES, ...ARTICLE_ATTRIBUTES].map((a) => a.name)]);
  // a fact rarely has a node's property; checking every node name would make the pass run on every database
  const entityNames = new Set(['id', ...ENTITY_ATTRIBUTES.map((a) => a.name)]);
  const edgeCandidates = keys.filter((k) => !factNames.has(k) && !entityNames.has(k));
  const nodeCandidates = nodes ? keys.filter((k) => !nodeNames.has(k)) : [];
  const scan = async (query: string, candidates: string[], graph: (name: string) => boolean): Promise<AttributeSpec[]> => {
    if (candidates.length === 0) return [];
    const result = await tx.run(query, { candidates });
    return result.records
      .map((r) => ({ name: r.get('name') as string, types: r.get('types') as string[] }))
      .filter((r) => !r.name.startsWith('__'))
      .map((r) => ({ name: r.name, ...attributeType(r.types), stored: true, graph: graph(r.name) }));
  };
  return {
    // evidence* lists run parallel to the model's evidence lists: the dump carries them, the graph formats do not
    edge: await scan(
      `MATCH (:Entity)-[r]->(:Entity) UNWIND [k IN keys(r) WHERE k IN $candidates] AS k
       RETURN k AS name, collect(DISTINCT valueType(r[k])) AS types ORDER BY name`,
      edgeCandidates,
      (name) => !name.startsWith('evidence'),
    ),
    // bookkeeping of the loader, not part of the graph people look at
    node: await scan(
      `MATCH (n) WHERE n:Entity OR n:Article UNWIND [k IN keys(n) WHERE k IN $candidates] AS k
       RETURN k AS name, collect(DISTINCT valueType(n[k])) AS types ORDER BY name`,
      nodeCandidates,
      () => false,
    ),
  };
}

/** The export type of a property from the Cypher value types it has in the database. */
export function attributeType(valueTypes: readonly string[]): { type: AttributeType; list: boolean } {
  const base = valueTypes.map((t) => t.replace(/ NOT NULL$/, ''));
  const lists = base.filter((t) => t.startsWith('LIST'));
  if (lists.length > 0) {
    const inner = lists.map((t) => t.replace(/^LIST<(.*)>$/, '$1').replace(/ NOT NULL$/, ''));
    return { type: lists.length === base.length ? scalarType(inner) : 'string', list: true };
  }
  return { type: scalarType(base), list: false };
}

function scalarType(types: readonly string[]): AttributeType {
  const set = new Set(types);
  if (set.size === 1 && set.has('INTEGER')) return 'long';
  if (set.size === 1 && set.has('BOOLEAN')) return 'boolean';
  if (set.size > 0 && [...set].every((t) => t === 'INTEGER' || t === 'FLOAT')) return 'double';
  return 'string';
}

/** Driver values as plain JavaScript: Integers as numbers (whatever the driver's settings), temporals as ISO text. */
function plain(value: unknown): AttributeValue {
  if (typeof value !== 'object' || value === null) return value as AttributeValue;
  if (Array.isArray(value)) return value.map((v) => plain(v)) as string[] | number[];
  if (neo4j.isInt(value)) return value.toNumber();
  return String(value);
}
