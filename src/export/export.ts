import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import type { Driver } from 'neo4j-driver';
import { ConfigError } from '../errors';
import { CSV_FILES, writeCsv } from './csv';
import { writeCytoscapeJson } from './cytoscape';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import type { GraphStream } from './model';
import { readGraph } from './read';
import { writeTar } from './tar';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an HTTP response or a file name needs to know about each format. */
export const FORMAT_INFO: Readonly<Record<ExportFormat, { contentType: string; extension: string; description: string }>> = {
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: '.graphml', description: 'GraphML (yEd, Gephi, Cytoscape, NetworkX, igraph)' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: '.gexf', description: 'GEXF 1.2 (Gephi)' },
  json: { contentType: 'application/json; charset=utf-8', extension: '.json', description: 'cytoscape.js elements JSON' },
  csv: { contentType: 'application/x-tar', extension: '.tar', description: 'neo4j-admin import CSV (nodes.csv, relationships.csv; a tar archive unless written to a folder)' },
};

export interface ExportCounts {
  nodes: number;
  edges: number;
}

export interface ExportOptions {
  database?: string;
  /** Article nodes and MENTIONS edges too; by default the export holds entities and the facts between them */
  includeArticles?: boolean;
}

export function parseFormat(name: string): ExportFormat {
  const format = name.toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ConfigError(`unknown export format "${name}": use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  return format as ExportFormat;
}

/**
 * Streams the graph in Neo4j to `out` in one format; what the CLI and `GET /api/export/:format` call. CSV comes
 * as a tar of nodes.csv and relationships.csv (see exportCsvToFolder for plain files). `out` is not ended.
 */
export async function exportGraph(driver: Driver, format: ExportFormat, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  const graph = await readGraph(driver, { database: options.database, includeArticles: options.includeArticles, detail: format === 'csv' });
  try {
    return await writeGraph(graph, format, out);
  } finally {
    await graph.close();
  }
}

/** Writes nodes.csv and relationships.csv into `folder` (created when missing). */
export async function exportCsvToFolder(driver: Driver, folder: string, options: ExportOptions = {}): Promise<ExportCounts> {
  const graph = await readGraph(driver, { database: options.database, includeArticles: options.includeArticles, detail: true });
  try {
    return await writeCsvFiles(graph, folder);
  } finally {
    await graph.close();
  }
}

/** Writes any GraphStream (the database's graph, a preset's result, data in memory) in one format. */
export async function writeGraph(graph: GraphStream, format: ExportFormat, out: Writable): Promise<ExportCounts> {
  switch (format) {
    case 'graphml':
      return writeGraphml(graph, out);
    case 'gexf':
      return writeGexf(graph, out);
    case 'json':
      return writeCytoscapeJson(graph, out);
    case 'csv':
      return writeCsvArchive(graph, out);
  }
}

export async function writeCsvFiles(graph: GraphStream, folder: string): Promise<ExportCounts> {
  await fs.promises.mkdir(folder, { recursive: true });
  const nodes = fs.createWriteStream(path.join(folder, CSV_FILES.nodes));
  const relationships = fs.createWriteStream(path.join(folder, CSV_FILES.relationships));
  try {
    return await writeCsv(graph, { nodes, relationships });
  } finally {
    await Promise.all([finish(nodes), finish(relationships)]);
  }
}

/** A tar needs each member's size first, so the two files are spooled to a temporary folder, then archived. */
async function writeCsvArchive(graph: GraphStream, out: Writable): Promise<ExportCounts> {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'graphwire-export-'));
  try {
    const counts = await writeCsvFiles(graph, folder);
    await writeTar(
      Object.values(CSV_FILES).map((name) => ({ name, path: path.join(folder, name) })),
      out,
    );
    return counts;
  } finally {
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}

function finish(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.closed) return resolve();
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
