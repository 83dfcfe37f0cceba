import type { Collection, Core } from 'cytoscape';
import { toGraphML } from './graphml';
import type { EdgeData, NodeData } from './types';

/** Exports of what is on screen, made in the page; the whole graph comes from the server (api.exportGraph). */

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The visible elements with the fields the API gave them (the viewer's own size/country fields left out). */
export function viewElements(shown: Collection): { nodes: NodeData[]; edges: EdgeData[] } {
  const nodes = shown.nodes().map((n) => {
    const { id, label, type, labels, properties } = n.data() as NodeData;
    return { id, label, type, labels, properties };
  });
  const edges = shown.edges().map((e) => {
    const { id, type, source, target, properties } = e.data() as EdgeData;
    return { id, type, source, target, properties };
  });
  return { nodes, edges };
}

export function viewJson(shown: Collection): Blob {
  const { nodes, edges } = viewElements(shown);
  // the same shape as the server's cytoscape export: cytoscape({ elements: json.elements }) loads it
  const json = { elements: { nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) } };
  return new Blob([JSON.stringify(json, null, 1)], { type: 'application/json' });
}

export function viewGraphML(shown: Collection): Blob {
  const { nodes, edges } = viewElements(shown);
  return new Blob([toGraphML(nodes, edges)], { type: 'application/graphml+xml' });
}

export function viewPng(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}
