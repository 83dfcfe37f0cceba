import neo4j, { type Node, type Path, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';

/**
 * Query results as the CLI and the HTTP API hand them on: the rows as a table, and every node, relationship
 * and path found anywhere in them as graph elements in cytoscape.js's own element format, so a viewer can
 * `cy.add([...result.nodes, ...result.edges])` as-is.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface GraphNode {
  group: 'nodes';
  data: {
    /** the node's `id` property (entities, articles), else Neo4j's element id */
    id: string;
    /** what to print on it: name, else title, else id */
    label: string;
    /** the type label (Person, Article, …), for styling */
    type: string;
    labels: string[];
    properties: Record<string, Json>;
  };
}

export interface GraphEdge {
  group: 'edges';
  data: {
    id: string;
    /** relationship type: ATTENDED, MENTIONS, … */
    type: string;
    source: string;
    target: string;
    properties: Record<string, Json>;
  };
}

/** A graph value as it stands in a row; its properties are in `nodes`/`edges`, found by id. */
export type RowNode = { kind: 'node'; id: string; label: string; type: string };
export type RowRelationship = { kind: 'relationship'; id: string; type: string; source: string; target: string };
export type RowPath = { kind: 'path'; nodes: string[]; edges: string[] };

export interface QueryResult {
  columns: string[];
  /** one object per record, keyed by column */
  rows: Array<Record<string, Json>>;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** true when the query had more rows than the row limit and the rest were not read */
  truncated: boolean;
}

/**
 * Collects graph elements across records. A relationship whose end nodes the query did not return cannot be
 * drawn; `missingEndpoints()` names them so the caller can fetch them and `addNodes` them before `result()`.
 */
export class ResultShaper {
  private readonly nodesByElement = new Map<string, GraphNode>();
  private readonly edgesByElement = new Map<string, { rel: Relationship; edge?: GraphEdge }>();
  private readonly records: Neo4jRecord[] = [];

  constructor(private readonly columns: string[]) {}

  add(record: Neo4jRecord): void {
    this.records.push(record);
    for (const value of record.values()) this.collect(value);
  }

  addNodes(nodes: Iterable<Node>): void {
    for (const node of nodes) this.addNode(node);
  }

  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const { rel } of this.edgesByElement.values()) {
      if (!this.nodesByElement.has(rel.startNodeElementId)) missing.add(rel.startNodeElementId);
      if (!this.nodesByElement.has(rel.endNodeElementId)) missing.add(rel.endNodeElementId);
    }
    return [...missing];
  }

  result(truncated: boolean): QueryResult {
    const edges: GraphEdge[] = [];
    for (const entry of this.edgesByElement.values()) {
      const edge = this.edgeOf(entry.rel);
      if (edge) edges.push(edge);
    }
    return {
      columns: this.columns,
      rows: this.records.map((record) => Object.fromEntries(this.columns.map((c) => [c, this.rowValue(record.get(c))]))),
      nodes: [...this.nodesByElement.values()],
      edges,
      truncated,
    };
  }

  private collect(value: unknown): void {
    if (neo4j.isNode(value)) this.addNode(value as Node);
    else if (neo4j.isRelationship(value)) this.addRelationship(value as Relationship);
    else if (neo4j.isPath(value)) {
      const path = value as Path;
      this.addNode(path.start);
      for (const segment of path.segments) {
        this.addNode(segment.end);
        this.addRelationship(segment.relationship);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.collect(item);
    } else if (isPlainMap(value)) {
      for (const item of Object.values(value)) this.collect(item);
    }
  }

  private addNode(node: Node): void {
    if (this.nodesByElement.has(node.elementId)) return;
    const properties = toJsonMap(node.properties);
    const id = typeof properties.id === 'string' ? properties.id : node.elementId;
    const labels = [...node.labels].sort();
    this.nodesByElement.set(node.elementId, {
      group: 'nodes',
      data: { id, label: displayName(properties, id), type: typeOf(properties, node.labels), labels, properties },
    });
  }

  private addRelationship(rel: Relationship): void {
    if (!this.edgesByElement.has(rel.elementId)) this.edgesByElement.set(rel.elementId, { rel });
  }

  private edgeOf(rel: Relationship): GraphEdge | undefined {
    const entry = this.edgesByElement.get(rel.elementId);
    if (entry?.edge) return entry.edge;
    const source = this.nodesByElement.get(rel.startNodeElementId);
    const target = this.nodesByElement.get(rel.endNodeElementId);
    if (!source || !target) return undefined;
    const edge: GraphEdge = {
      group: 'edges',
      data: { id: rel.elementId, type: rel.type, source: source.data.id, target: target.data.id, properties: toJsonMap(rel.properties) },
    };
    if (entry) entry.edge = edge;
    return edge;
  }

  private rowValue(value: unknown): Json {
    if (neo4j.isNode(value)) {
      const { data } = this.nodesByElement.get((value as Node).elementId)!;
      return { kind: 'node', id: data.id, label: data.label, type: data.type } satisfies RowNode;
    }
    if (neo4j.isRelationship(value)) {
      const rel = value as Relationship;
      const edge = this.edgeOf(rel);
      return {
        kind: 'relationship',
        id: rel.elementId,
        type: rel.type,
        source: edge?.data.source ?? rel.startNodeElementId,
        target: edge?.data.target ?? rel.endNodeElementId,
      } satisfies RowRelationship;
    }
    if (neo4j.isPath(value)) {
      const path = value as Path;
      const nodes = [path.start, ...path.segments.map((s) => s.end)].map((n) => this.nodesByElement.get(n.elementId)!.data.id);
      return { kind: 'path', nodes, edges: path.segments.map((s) => s.relationship.elementId) } satisfies RowPath;
    }
    if (Array.isArray(value)) return value.map((v) => this.rowValue(v));
    if (isPlainMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.rowValue(v)]));
    return toJson(value);
  }
}

function displayName(properties: Record<string, Json>, id: string): string {
  for (const key of ['name', 'title']) {
    const value = properties[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return id;
}

function typeOf(properties: Record<string, Json>, labels: readonly string[]): string {
  if (typeof properties.type === 'string') return properties.type;
  return labels.find((l) => l !== 'Entity' && l !== 'Country') ?? labels[0] ?? '';
}

function toJsonMap(properties: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toJson(v)]));
}

/** Scalars, temporals, points and lists as JSON; graph values never reach here. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value)) {
    const int = value as ReturnType<typeof neo4j.int>;
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (isTemporal(value)) return String(value);
  if (neo4j.isPoint(value)) {
    const point = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toJson(point.srid), x: point.x, y: point.y, ...(point.z === undefined ? {} : { z: point.z }) };
  }
  if (value instanceof Uint8Array || value instanceof Int8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (isPlainMap(value)) return toJsonMap(value);
  return String(value);
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  );
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
