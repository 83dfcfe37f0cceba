import type { StylesheetJson } from 'cytoscape';
import { FALLBACK_LOOK, TYPE_LOOKS } from './palette';

const ACCENT = '#4f46e5';
const INK = '#1f2733';
const EDGE = '#a3acb9';
/** EDGE at 55% over the canvas's near-white: the look of a translucent line, without an opacity per edge */
const EDGE_LIGHT = '#cbd0d8';

/**
 * The graph's stylesheet. `light` is for big graphs: straight "haystack" edges without arrows or labels, node
 * labels only once zoomed in, and as few properties as the picture needs, since cytoscape applies each one to
 * each element (at 15,000 elements the style pass is a third of the first frame).
 */
export function stylesheet(light: boolean): StylesheetJson {
  const typeRules = Object.entries(TYPE_LOOKS).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    // an ellipse is cytoscape's default shape: not set, one property less to apply to each node of the type
    style: look.shape === 'ellipse' ? { 'background-color': look.color } : { 'background-color': look.color, shape: look.shape as 'ellipse' },
  }));
  // every property a rule sets costs each element it matches a style pass, so the light style sets only
  // what is drawn, and the label look goes to the rule that turns labels on
  const labelLook = {
    label: 'data(label)',
    color: INK,
    'font-family': 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
    'font-size': 11,
    'font-weight': 500,
    'text-valign': 'bottom',
    'text-margin-y': 4,
    'text-wrap': 'ellipsis',
    'text-max-width': '130px',
    'text-background-color': '#ffffff',
    'text-background-opacity': 0.75,
    'text-background-padding': '2px',
    'text-background-shape': 'roundrectangle',
  } as const;
  return [
    {
      selector: 'node',
      style: light
        ? { 'background-color': FALLBACK_LOOK.color, width: 'data(size)', height: 'data(size)' }
        : { 'background-color': FALLBACK_LOOK.color, width: 'data(size)', height: 'data(size)', ...labelLook, 'min-zoomed-font-size': 6, 'border-width': 1.5, 'border-color': '#ffffff', 'overlay-opacity': 0 },
    },
    ...typeRules,
    { selector: 'node[?country]', style: { 'border-width': 3, 'border-color': '#2c6e3f', 'border-style': 'double' } },
    {
      selector: 'edge',
      // haystack (cytoscape's default curve, radius 0) is the cheapest edge it draws: a straight line, no arrow
      style: light
        ? { width: 1, 'line-color': EDGE_LIGHT }
        : {
            'curve-style': 'bezier',
            width: 'mapData(sources, 1, 4, 1.4, 4)',
            'line-color': EDGE,
            'target-arrow-color': EDGE,
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
            label: 'data(type)',
            'font-family': 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
            'font-size': 9,
            color: '#5b6472',
            'text-rotation': 'autorotate',
            'text-background-color': '#f6f7f9',
            'text-background-opacity': 0.9,
            'text-background-padding': '1px',
            'min-zoomed-font-size': 7,
            'overlay-opacity': 0,
          },
    },
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dashed', 'line-color': '#c9ced6', 'target-arrow-color': '#c9ced6' } },
    // light: labels only near the viewport and on the selection; the pressed element gets no grey overlay, as in the full style
    ...(light
      ? [
          { selector: 'node.labelled, node:selected', style: { ...labelLook, 'min-zoomed-font-size': 9 } },
          { selector: ':active', style: { 'overlay-opacity': 0 } },
        ]
      : []),
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': INK, 'border-style': 'solid' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': ACCENT, 'border-style': 'solid', 'font-weight': 700 } },
    {
      selector: 'edge:selected',
      style: { 'line-color': ACCENT, 'target-arrow-color': ACCENT, color: ACCENT, width: 4, 'z-index': 10, opacity: 1 },
    },
    { selector: 'edge.hover', style: { 'line-color': '#6b7585', 'target-arrow-color': '#6b7585', 'z-index': 5 } },
    { selector: '.dimmed', style: { opacity: 0.12 } },
    { selector: '.fresh', style: { 'border-width': 3, 'border-color': '#f5b400' } },
    { selector: '.filtered, .hidden', style: { display: 'none' } },
  ];
}
