/** How each node type looks: colour and shape, shared by the graph style, the legend and the panels. */
export interface TypeLook {
  color: string;
  shape: string;
}

export const TYPE_LOOKS: Readonly<Record<string, TypeLook>> = {
  Person: { color: '#3b82c4', shape: 'ellipse' },
  Organization: { color: '#e8893a', shape: 'round-rectangle' },
  Location: { color: '#3f9e5a', shape: 'round-diamond' },
  Event: { color: '#d9534f', shape: 'round-hexagon' },
  Other: { color: '#8e6bb8', shape: 'round-pentagon' },
  Article: { color: '#8a7560', shape: 'rectangle' },
};

export const FALLBACK_LOOK: TypeLook = { color: '#8c96a3', shape: 'ellipse' };

export function lookOf(type: string): TypeLook {
  return TYPE_LOOKS[type] ?? FALLBACK_LOOK;
}

/** The order types are listed in: the known ones first, as above, then the rest by name. */
export function typeOrder(a: string, b: string): number {
  const known = Object.keys(TYPE_LOOKS);
  const ia = known.indexOf(a);
  const ib = known.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
  return a.localeCompare(b);
}
