import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Readers nobody on the team wrote, run on an export file: the official GraphML schema through xmllint, and
 * NetworkX. Each returns undefined when its tool is missing, so the test can skip with a visible reason.
 */

/** The official GraphML schema next to the repository (../shared), when it is there. */
export const GRAPHML_XSD = path.resolve(__dirname, '..', '..', '..', 'shared', 'graphml-xsd', 'graphml.xsd');

export function xmllintMissing(): string | undefined {
  if (!fs.existsSync(GRAPHML_XSD)) return `the GraphML schema is not at ${GRAPHML_XSD} (../shared is absent)`;
  if (spawnSync('xmllint', ['--version']).error) return 'xmllint is not installed (apt-get install libxml2-utils)';
  return undefined;
}

/** xmllint's verdict: '' when the file is valid, else its messages. */
export function validateGraphml(file: string): string {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', GRAPHML_XSD, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : `${run.stderr}${run.stdout}`.trim() || `xmllint exited with ${run.status}`;
}

const PYTHONS = ['python3', '/usr/bin/python3'];

function pythonWithNetworkx(): string | undefined {
  return PYTHONS.find((python) => spawnSync(python, ['-c', 'import networkx']).status === 0);
}

export function networkxMissing(): string | undefined {
  return pythonWithNetworkx() ? undefined : 'no python3 with networkx (pip install networkx, or apt-get install python3-networkx)';
}

export interface ReadBack {
  nodes: Record<string, Record<string, unknown>>;
  edges: { source: string; target: string; key: string; attributes: Record<string, unknown> }[];
  directed: boolean;
  multigraph: boolean;
}

const NETWORKX_DUMP = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
json.dump({
  "directed": g.is_directed(), "multigraph": g.is_multigraph(),
  "nodes": {n: a for n, a in g.nodes(data=True)},
  "edges": [{"source": u, "target": v, "key": k, "attributes": a} for u, v, k, a in g.edges(keys=True, data=True)],
}, sys.stdout)
`;

/** The graph as NetworkX's read_graphml sees it (attribute values typed by the file's attr.type). */
export function readWithNetworkx(file: string): ReadBack {
  const python = pythonWithNetworkx();
  if (!python) throw new Error(networkxMissing());
  const run = spawnSync(python, ['-c', NETWORKX_DUMP, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`networkx could not read ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReadBack;
}
