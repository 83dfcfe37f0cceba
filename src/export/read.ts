import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import { degreeExpressions, readDegreeCounts } from './degree';
import type { AttributeSpec, AttributeType, AttributeValue, GraphEdge, GraphNode, GraphStream } from './model';
import { ARTICLE_ATTRIBUTES, ENTITY_ATTRIBUTES, FACT_ATTRIBUTES, MENTION_ATTRIBUTES, exportSchema } from './schema';

/**
 * Records the driver asks for at a time. While the writer is behind, the driver queues up to 70% of this, and
 * queued records survive young-generation collections until written: on 300,000 facts, 2000 rather than 5000 spent
 * less time in scavenges (about 40% less in two noisy runs) and kept Neo4j as busy.
 */
const FETCH_SIZE = 2000;

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
 * Opens one READ transaction and streams the graph out of it record by record: the driver fetches in batches and
 * pauses while the writer is behind, so memory stays bounded. (Neo4j reads are read-committed, not a snapshot: a
 * load committing during the export may show in the edges but not the nodes.) Node ids are the `id` properties;
 * edge ids are the relationships' element ids, unique by nature.
 */
export async function readGraph(driver: Driver, options: ReadGraphOptions = {}): Promise<Neo4jGraphStream> {
  const includeArticles = options.includeArticles ?? false;
  const detail = options.detail ?? false;
  const session: Session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ, fetchSize: FETCH_SIZE });
  let tx: Transaction | undefined;
  try {
    tx = await session.beginTransaction();
    const extras = await findExtraProperties(tx, detail);
    const degree = degreeExpressions(await readDegreeCounts(tx), includeArticles);
    const schema = exportSchema({ includeArticles, extraEdgeAttributes: extras.edge, extraNodeAttributes: extras.node });
    const wanted = (specs: readonly AttributeSpec[]): string[] =>
      specs.filter((s) => s.stored && (detail || s.graph)).map((s) => s.name);
    const open = tx;

    return {
      schema,
      async *nodes() {
        const entityProps = [...wanted(ENTITY_ATTRIBUTES), ...extras.node.map((e) => e.name)];
        yield* rows(open, `MATCH (n:Entity) RETURN n.id, labels(n), ${values('n', entityProps)}, ${degree.entity}`, toNode(entityProps));
        if (includeArticles) {
          const articleProps = [...wanted(ARTICLE_ATTRIBUTES), ...extras.node.map((e) => e.name)];
          yield* rows(open, `MATCH (n:Article) RETURN n.id, labels(n), ${values('n', articleProps)}, ${degree.article}`, toNode(articleProps));
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

/** A record's fields by position: no per-record keys to look up, no intermediate array or object per record. */
interface Row {
  get(index: number): unknown;
}

async function* rows<T>(tx: Transaction, query: string, convert: (row: Row) => T): AsyncGenerator<T> {
  for await (const record of tx.run(query)) yield convert(record);
}

/** Row: id, labels, [property values in `names` order], degree. */
const toNode =
  (names: readonly string[]) =>
  (row: Row): GraphNode => {
    const id = String(row.get(0));
    const labels = row.get(1) as string[];
    const attributes = properties(names, row.get(2) as unknown[]);
    attributes.label = (attributes.name ?? attributes.title ?? id) as string;
    attributes.labels = `:${labels.join(':')}`;
    attributes.degree = plain(row.get(3)) as number;
    return { id, labels, attributes };
  };

/** Row: id, source id, target id, type, [property values in `names` order]. */
const toEdge =
  (names: readonly string[]) =>
  (row: Row): GraphEdge => {
    const type = row.get(3) as string;
    const attributes = properties(names, row.get(4) as unknown[]);
    attributes.type = type;
    return { id: String(row.get(0)), source: String(row.get(1)), target: String(row.get(2)), type, attributes };
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
  // most lists hold strings: kept as the driver built them rather than copied
  if (Array.isArray(value)) return value.some((v) => typeof v === 'object' && v !== null) ? (value.map((v) => plain(v)) as string[] | number[]) : (value as AttributeValue);
  if (neo4j.isInt(value)) return value.toNumber();
  return String(value);
}
