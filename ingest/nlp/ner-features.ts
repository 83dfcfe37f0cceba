/**
 * Feature templates of the entity recogniser, after Ratinov & Roth (2009): the word window with affixes,
 * shape and word-cluster prefixes, gazetteer matches, part of speech, previous labels, document evidence
 * about capitalisation, and in the second stage the first stage's labels around the token and what the
 * first stage said about the same word elsewhere in the document (non-local features).
 */
import { ALLOWED, N_LABELS, canEnd } from './labels';
import { key1, key2 } from './hash';
import type { GazetteerCodes } from './gazetteer';
import { sumTable, type FrozenModel } from './frozen';
import type { RowMemory } from './rows';
import type { ContextScorer, FeatureTemplates, SequenceDoc } from './sequence';
import { Caps, type WordInfo } from './words';

export interface NerDoc extends SequenceDoc {
  /** part-of-speech tag ids from our tagger */
  pos: Uint8Array;
  gazetteer: GazetteerCodes;
  /** per token: DOC_* bits */
  evidence: Uint8Array;
  /** first-stage labels (second stage only) */
  stage1?: Uint8Array;
  /** per token: what the first stage labelled the same word elsewhere in the document (second stage only) */
  aggregate?: Uint8Array;
}

/** Token opens its sentence. */
export const DOC_FIRST = 1;
/** Token is in a sentence written mostly in capitals (a headline). */
export const DOC_CAPS_SENTENCE = 2;
/** The document also writes this word in lower case. */
export const DOC_LOWER_SEEN = 4;
/** The document also writes this word capitalised in mid-sentence of ordinary text. */
export const DOC_CAP_SEEN = 8;

const T_BIAS = 1;
const T_P1 = 2;
const T_P2P1 = 3;
const T_P1W = 4;
const T_P1SH = 5;
const T_BI_L = 6;
const T_BI_R = 7;
const T_EVID = 8;
const T_EVID_CASE = 9;
const T_EVID_W = 10;
const T_POS = 11;
const T_POS_L = 12;
const T_POS_R = 13;
const T_POS_LB = 14;
const T_POS_RB = 15;
const T_GAZ = 16;
const T_GAZ_L = 17;
const T_GAZ_R = 18;
const T_GAZ_CAPS = 19;
const T_S1 = 20; // + offset + 2
const T_S1_LB = 26;
const T_S1_RB = 27;
const T_AGG = 28;
const T_AGG_S1 = 29;
const T_AGG_CAPS = 30;
const T_TYPE = 100; // + 32 * (offset + 2) + k

const EDGE = 0x5eed;

export class NerTemplates implements FeatureTemplates<NerDoc> {
  readonly window = 2;
  readonly nClasses = N_LABELS;
  /**
   * @param starters words not starting with a capital that open an entity somewhere in the training
   * data ("van", "al-", "1860"); any other such word after O or a closed entity is O without scoring.
   */
  /** @param posTags the number of part-of-speech tags (sizes the run-time tables; only needed to compile) */
  constructor(
    readonly stage: 1 | 2,
    private readonly starters: ReadonlySet<string>,
    private readonly posTags = 64,
  ) {}

  fixed(doc: NerDoc, i: number, prev: number): number {
    return this.keepsOpen(prev) ? -1 : this.fixedByWord(doc.infos[i]!);
  }

  /** Inside an open entity (after B or I) every label is in play. */
  keepsOpen(prev: number): boolean {
    return prev > 0 && (prev - 1) % 4 < 2;
  }

  fixedByWord(info: WordInfo): number {
    return info.caps !== Caps.none || this.starters.has(info.word) ? -1 : 0;
  }

  readonly transitions = ALLOWED;
  readonly endings = Uint8Array.from({ length: N_LABELS }, (_, k) => (canEnd(k) ? 1 : 0));

  typeFeatures(info: WordInfo, offset: number, out: Uint32Array, n: number): number {
    const t = T_TYPE + 32 * (offset + 2);
    out[n++] = key1(t, info.lowerH);
    out[n++] = key1(t + 1, info.shortShapeH);
    if (offset === 0) {
      out[n++] = key1(t + 2, info.wordH);
      out[n++] = key1(t + 3, info.shapeH);
      for (let k = 0; k < 4; k++) {
        out[n++] = key1(t + 4 + k, info.prefixH[k]!);
        out[n++] = key1(t + 8 + k, info.suffixH[k]!);
      }
      for (let k = 0; k < 4; k++) out[n++] = key1(t + 12 + k, info.clusterH[k]!);
      out[n++] = key2(t + 16, info.caseBucket, info.caps);
    } else if (offset === 1 || offset === -1) {
      for (let k = 0; k < 4; k++) out[n++] = key1(t + 4 + k, info.clusterH[k]!);
      out[n++] = key2(t + 8, info.caseBucket, info.caps);
      out[n++] = key1(t + 9, info.suffixH[2]!);
    } else {
      out[n++] = key1(t + 4, info.clusterH[1]!);
      out[n++] = key1(t + 5, info.clusterH[3]!);
    }
    return n;
  }

  contextFeatures(doc: NerDoc, i: number, from: number, to: number, labels: Uint8Array, out: Uint32Array, n: number): number {
    const info = doc.infos[i]!;
    const p1 = i > from ? labels[i - 1]! : 255;
    const p2 = i > from + 1 ? labels[i - 2]! : 255;
    const left = i > from ? doc.infos[i - 1]!.lowerH : EDGE;
    const right = i + 1 < to ? doc.infos[i + 1]!.lowerH : EDGE;
    out[n++] = key1(T_BIAS, 0);
    out[n++] = key1(T_P1, p1);
    out[n++] = key2(T_P2P1, p2, p1);
    out[n++] = key2(T_P1W, p1, info.lowerH);
    out[n++] = key2(T_P1SH, p1, info.shortShapeH);
    out[n++] = key2(T_BI_L, left, info.lowerH);
    out[n++] = key2(T_BI_R, info.lowerH, right);

    const ev = doc.evidence[i]!;
    out[n++] = key2(T_EVID, ev, info.caps);
    out[n++] = key2(T_EVID_CASE, ev, info.caseBucket);
    if (ev & DOC_FIRST) out[n++] = key2(T_EVID_W, ev & 3, info.lowerH);

    const pos = doc.pos[i]!;
    const posL = i > from ? doc.pos[i - 1]! : 255;
    const posR = i + 1 < to ? doc.pos[i + 1]! : 255;
    out[n++] = key1(T_POS, pos);
    out[n++] = key1(T_POS_L, posL);
    out[n++] = key1(T_POS_R, posR);
    out[n++] = key2(T_POS_LB, posL, pos);
    out[n++] = key2(T_POS_RB, pos, posR);

    const g = doc.gazetteer;
    for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) {
      out[n++] = key1(T_GAZ, g.codes[k]!);
      out[n++] = key2(T_GAZ_CAPS, g.codes[k]!, info.caps);
    }
    if (i > from) for (let k = g.offsets[i - 1]!; k < g.offsets[i]!; k++) out[n++] = key1(T_GAZ_L, g.codes[k]!);
    if (i + 1 < to) for (let k = g.offsets[i + 1]!; k < g.offsets[i + 2]!; k++) out[n++] = key1(T_GAZ_R, g.codes[k]!);

    if (this.stage === 2) {
      const s1 = doc.stage1!;
      for (let o = -2; o <= 2; o++) {
        const j = i + o;
        out[n++] = key1(T_S1 + o + 2, j < from || j >= to ? 255 : s1[j]!);
      }
      out[n++] = key2(T_S1_LB, i > from ? s1[i - 1]! : 255, s1[i]!);
      out[n++] = key2(T_S1_RB, s1[i]!, i + 1 < to ? s1[i + 1]! : 255);
      const agg = doc.aggregate![i]!;
      out[n++] = key1(T_AGG, agg);
      out[n++] = key2(T_AGG_S1, agg, s1[i]!);
      out[n++] = key2(T_AGG_CAPS, agg, info.caps);
    }
    return n;
  }

  labelWordFeatures(info: WordInfo, prev: number, out: Uint32Array, n: number): number {
    out[n++] = key2(T_P1W, prev, info.lowerH);
    out[n++] = key2(T_P1SH, prev, info.shortShapeH);
    return n;
  }

  /**
   * The run-time form of contextFeatures: every feature whose values come from a small set (labels,
   * tags, document evidence, gazetteer codes, first-stage labels) is summed ahead into tables indexed
   * by those values; only the features that pair a label or a word with a word are probed.
   */
  compile(model: FrozenModel, memory: RowMemory): ContextScorer<NerDoc> {
    const L = N_LABELS + 1; // labels, and 255 (outside the sentence) at index N_LABELS
    const lab = (v: number): number => (v === N_LABELS ? 255 : v);
    const P = this.posTags + 1;
    const tag = (v: number): number => (v === this.posTags ? 255 : v);
    const BUCKETS = 12;
    const GAZ = 30 * 4;
    const AGG = 18;
    // each table in the tagger's memory, as the byte offset of its row 0
    const table = (size: number, keysOf: (index: number) => readonly number[]): number => memory.place(sumTable(model, size, keysOf));
    const labels2 = table(L * L, (v) => {
      const p2 = lab(Math.floor(v / L));
      const p1 = lab(v % L);
      return [key1(T_BIAS, 0), key1(T_P1, p1), key2(T_P2P1, p2, p1)];
    });
    const evidence = table(16 * 4 * BUCKETS, (v) => {
      const ev = Math.floor(v / (4 * BUCKETS));
      const caps = Math.floor(v / BUCKETS) % 4;
      return [key2(T_EVID, ev, caps), key2(T_EVID_CASE, ev, v % BUCKETS)];
    });
    const posLeft = table(P * P, (v) => {
      const l = tag(Math.floor(v / P));
      const p = tag(v % P);
      return [key1(T_POS, p), key1(T_POS_L, l), key2(T_POS_LB, l, p)];
    });
    const posRight = table(P * P, (v) => {
      const p = tag(Math.floor(v / P));
      const r = tag(v % P);
      return [key1(T_POS_R, r), key2(T_POS_RB, p, r)];
    });
    const gazHere = table(GAZ * 4, (v) => [key1(T_GAZ, v >> 2), key2(T_GAZ_CAPS, v >> 2, v & 3)]);
    const gazLeft = table(GAZ, (v) => [key1(T_GAZ_L, v)]);
    const gazRight = table(GAZ, (v) => [key1(T_GAZ_R, v)]);
    const stage2 = this.stage === 2;
    const s1Left = table(stage2 ? L * L : 0, (v) => {
      const a = lab(Math.floor(v / L));
      const b = lab(v % L);
      return [key1(T_S1 + 1, a), key1(T_S1 + 2, b), key2(T_S1_LB, a, b)];
    });
    const s1Right = table(stage2 ? L * L : 0, (v) => {
      const b = lab(Math.floor(v / L));
      const r = lab(v % L);
      return [key1(T_S1 + 3, r), key2(T_S1_RB, b, r)];
    });
    const s1Far = table(stage2 ? 2 * L : 0, (v) => [key1(v < L ? T_S1 : T_S1 + 4, lab(v % L))]);
    const aggregate = table(stage2 ? AGG * L * 4 : 0, (v) => {
      const agg = Math.floor(v / (L * 4));
      const s1 = lab(Math.floor(v / 4) % L);
      return [key1(T_AGG, agg), key2(T_AGG_S1, agg, s1), key2(T_AGG_CAPS, agg, v & 3)];
    });
    const rb = memory.rowBytes;
    const li = (v: number): number => (v === 255 ? N_LABELS : v);
    const ti = (v: number): number => (v === 255 ? this.posTags : v);
    const evidenceRow = (ev: number, caps: number, bucket: number): number =>
      ev < 16 && bucket >= 0 && bucket < BUCKETS && Number.isInteger(bucket) ? (ev * 4 + caps) * BUCKETS + bucket : -1;
    /** the model's row for a feature paired with the word itself, when it has one */
    const probe = (key: number, list: Int32Array, m: number): number => {
      const row = memory.weightRow(key);
      if (row >= 0) list[m++] = row;
      return m;
    };
    return {
      rows(doc, i, from, to, labels, list, m, ids, words) {
        const id = ids[i]!;
        const lowerHOf = words.lowerHOf;
        const caps = words.flagsOf[id]! & 3;
        const lowerH = lowerHOf[id]!;
        const p1 = i > from ? labels[i - 1]! : 255;
        const p2 = i > from + 1 ? labels[i - 2]! : 255;
        list[m++] = labels2 + (li(p2) * L + li(p1)) * rb;
        const ev = doc.evidence[i]!;
        const bucket = words.caseBucketOf[id]!;
        const evRow = evidenceRow(ev, caps, bucket);
        if (evRow >= 0) list[m++] = evidence + evRow * rb;
        else {
          m = probe(key2(T_EVID, ev, caps), list, m);
          m = probe(key2(T_EVID_CASE, ev, bucket), list, m);
        }
        if (ev & DOC_FIRST) m = probe(key2(T_EVID_W, ev & 3, lowerH), list, m);
        const left = i > from ? lowerHOf[ids[i - 1]!]! : EDGE;
        const right = i + 1 < to ? lowerHOf[ids[i + 1]!]! : EDGE;
        m = probe(key2(T_BI_L, left, lowerH), list, m);
        m = probe(key2(T_BI_R, lowerH, right), list, m);

        const pos = doc.pos[i]!;
        const posL = i > from ? doc.pos[i - 1]! : 255;
        const posR = i + 1 < to ? doc.pos[i + 1]! : 255;
        list[m++] = posLeft + (ti(posL) * P + ti(pos)) * rb;
        list[m++] = posRight + (ti(pos) * P + ti(posR)) * rb;

        const g = doc.gazetteer;
        for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) list[m++] = gazHere + (g.codes[k]! * 4 + caps) * rb;
        if (i > from) for (let k = g.offsets[i - 1]!; k < g.offsets[i]!; k++) list[m++] = gazLeft + g.codes[k]! * rb;
        if (i + 1 < to) for (let k = g.offsets[i + 1]!; k < g.offsets[i + 2]!; k++) list[m++] = gazRight + g.codes[k]! * rb;

        if (stage2) {
          const s1 = doc.stage1!;
          const here = s1[i]!;
          list[m++] = s1Left + (li(i > from ? s1[i - 1]! : 255) * L + here) * rb;
          list[m++] = s1Right + (here * L + li(i + 1 < to ? s1[i + 1]! : 255)) * rb;
          list[m++] = s1Far + li(i - 2 >= from ? s1[i - 2]! : 255) * rb;
          list[m++] = s1Far + (L + li(i + 2 < to ? s1[i + 2]! : 255)) * rb;
          list[m++] = aggregate + ((doc.aggregate![i]! * L + here) * 4 + caps) * rb;
        }
        return m;
      },
    };
  }
}
