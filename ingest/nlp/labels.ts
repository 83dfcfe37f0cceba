/**
 * Entity labels. The recogniser tags tokens in BILOU form (Begin, Inside, Last, Unit, Outside), which
 * Ratinov & Roth (2009) found better than BIO; spans convert to and from it, and from IOB1/IOB2 files.
 */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Label 0 is O; label 1 + 4 * type + part, with part B=0, I=1, L=2, U=3. */
export const N_LABELS = 1 + 4 * ENTITY_TYPES.length;
const PARTS = ['B', 'I', 'L', 'U'] as const;
export const B = 0;
export const I = 1;
export const L = 2;
export const U = 3;

export function label(type: number, part: number): number {
  return 1 + type * 4 + part;
}
export function typeOf(lbl: number): number {
  return lbl === 0 ? -1 : (lbl - 1) >> 2;
}
export function partOf(lbl: number): number {
  return lbl === 0 ? -1 : (lbl - 1) & 3;
}
export function labelName(lbl: number): string {
  return lbl === 0 ? 'O' : `${PARTS[partOf(lbl)]}-${ENTITY_TYPES[typeOf(lbl)]}`;
}

/** A span of tokens [start, end) with an entity type index. */
export interface TokenSpan {
  start: number;
  end: number;
  type: number;
}

/** allowed[prev * N_LABELS + next]: whether a BILOU sequence may go from prev to next (prev 0 at a start). */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array(N_LABELS * N_LABELS);
  for (let p = 0; p < N_LABELS; p++) {
    for (let q = 0; q < N_LABELS; q++) {
      const open = p !== 0 && (partOf(p) === B || partOf(p) === I);
      const continues = q !== 0 && (partOf(q) === I || partOf(q) === L);
      table[p * N_LABELS + q] = open ? (continues && typeOf(q) === typeOf(p) ? 1 : 0) : continues ? 0 : 1;
    }
  }
  return table;
})();

/** Whether a label may end a sentence (no entity left open). */
export function canEnd(lbl: number): boolean {
  return lbl === 0 || partOf(lbl) === L || partOf(lbl) === U;
}

/** Reads IOB1 or IOB2 tags ("B-PER", "I-ORG", "O") into spans: an I- after a different type starts one too. */
export function spansFromIob(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O' || tag.length < 3) {
      open = undefined;
      continue;
    }
    const type = ENTITY_TYPES.indexOf(tag.slice(2) as EntityType);
    if (type < 0) {
      open = undefined;
      continue;
    }
    const begins = tag[0] === 'B' || tag[0] === 'U' || tag[0] === 'S';
    if (!begins && open && open.type === type && open.end === i) {
      open.end = i + 1;
    } else {
      open = { start: i, end: i + 1, type };
      spans.push(open);
    }
    if (tag[0] === 'L' || tag[0] === 'E' || tag[0] === 'U' || tag[0] === 'S') open = undefined;
  }
  return spans;
}

export function bilouFromSpans(spans: readonly TokenSpan[], length: number): Uint8Array {
  const labels = new Uint8Array(length);
  for (const s of spans) {
    if (s.end - s.start === 1) {
      labels[s.start] = label(s.type, U);
      continue;
    }
    labels[s.start] = label(s.type, B);
    for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = label(s.type, I);
    labels[s.end - 1] = label(s.type, L);
  }
  return labels;
}

/** Spans from labels[from, to); tolerant of ill-formed sequences (an unclosed B..I run still makes a span). */
export function spansFromBilou(labels: Uint8Array, from: number, to: number): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  let type = -1;
  for (let i = from; i < to; i++) {
    const lbl = labels[i]!;
    const t = typeOf(lbl);
    const p = partOf(lbl);
    if (start >= 0 && (t !== type || p === B || p === U)) {
      spans.push({ start, end: i, type });
      start = -1;
    }
    if (lbl === 0) continue;
    if (start < 0) {
      start = i;
      type = t;
    }
    if (p === L || p === U) {
      spans.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  if (start >= 0) spans.push({ start, end: to, type });
  return spans;
}
