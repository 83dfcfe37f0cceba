/**
 * Feature templates of the entity recogniser, after Ratinov & Roth (2009): the word window with affixes,
 * shape and word-cluster prefixes, gazetteer matches, part of speech, previous labels, document evidence
 * about capitalisation, and in the second stage the first stage's labels around the token and what the
 * first stage said about the same word elsewhere in the document (non-local features).
 */
import { ALLOWED, N_LABELS, canEnd } from './labels';
import { key1, key2 } from './hash';
import type { GazetteerCodes } from './gazetteer';
import type { FeatureTemplates, SequenceDoc } from './sequence';
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
  constructor(
    readonly stage: 1 | 2,
    private readonly starters: ReadonlySet<string>,
  ) {}

  fixed(doc: NerDoc, i: number, prev: number): number {
    // inside an open entity (after B or I) every label is in play
    if (prev > 0 && (prev - 1) % 4 < 2) return -1;
    const info = doc.infos[i]!;
    if (info.caps !== Caps.none || this.starters.has(info.word)) return -1;
    return 0;
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
}
