/**
 * The one way the viewer builds DOM: elements by createElement, text by text nodes. Nothing from the graph or
 * the articles ever goes through innerHTML, so a name like `<img src=x onerror=…>` stays text.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  class?: string;
  title?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  href?: string;
  for?: string;
  id?: string;
  role?: string;
  hidden?: boolean;
  disabled?: boolean;
  checked?: boolean;
  min?: string;
  max?: string;
  step?: string;
  rows?: number;
  spellcheck?: boolean;
  tabIndex?: number;
  data?: Record<string, string>;
  aria?: Record<string, string>;
  style?: Partial<Record<'background' | 'borderColor' | 'color' | 'width' | 'display', string>>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { data, aria, style, on, class: className, for: htmlFor, ...rest } = attrs;
  if (className) el.className = className;
  if (htmlFor !== undefined) el.setAttribute('for', htmlFor);
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    // properties, not attributes: value and checked must reflect the live state of inputs
    (el as unknown as Record<string, unknown>)[key] = value;
  }
  for (const [key, value] of Object.entries(data ?? {})) el.dataset[key] = value;
  for (const [key, value] of Object.entries(aria ?? {})) el.setAttribute(`aria-${key}`, value);
  for (const [key, value] of Object.entries(style ?? {})) if (value !== undefined) el.style[key as 'color'] = value;
  for (const [event, handler] of Object.entries(on ?? {})) el.addEventListener(event, handler as EventListener);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Empties an element and fills it again. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** A small coloured shape standing for a node type, drawn with an inline SVG built node by node. */
export function swatch(color: string, shape: string, size = 14): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  let el: SVGElement;
  if (shape.includes('rectangle')) {
    el = document.createElementNS(ns, 'rect');
    el.setAttribute('x', '2');
    el.setAttribute('y', '4');
    el.setAttribute('width', '16');
    el.setAttribute('height', '12');
    el.setAttribute('rx', shape.startsWith('round') ? '3' : '0');
  } else if (shape === 'ellipse') {
    el = document.createElementNS(ns, 'circle');
    el.setAttribute('cx', '10');
    el.setAttribute('cy', '10');
    el.setAttribute('r', '8');
  } else {
    el = document.createElementNS(ns, 'polygon');
    el.setAttribute('points', polygonPoints(shape));
    el.setAttribute('stroke-linejoin', 'round');
  }
  el.setAttribute('fill', color);
  el.setAttribute('stroke', color);
  el.setAttribute('stroke-width', '1.5');
  svg.appendChild(el);
  return svg;
}

function polygonPoints(shape: string): string {
  const sides = shape.includes('diamond') ? 4 : shape.includes('hexagon') ? 6 : shape.includes('pentagon') ? 5 : shape.includes('triangle') ? 3 : 8;
  const points: string[] = [];
  for (let i = 0; i < sides; i++) {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / sides;
    points.push(`${(10 + 8.5 * Math.cos(angle)).toFixed(2)},${(10 + 8.5 * Math.sin(angle)).toFixed(2)}`);
  }
  return points.join(' ');
}
