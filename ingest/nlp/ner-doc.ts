/**
 * Document-level evidence for the recogniser: how the document itself writes each word (a headline in
 * capitals, a sentence-initial word also seen in lower case), and, for the second stage, what the first
 * stage called the same word elsewhere in the document.
 */
import { Caps, HAS_LETTER, type WordCache } from './words';
import { spansFromBilou } from './labels';
import { DOC_CAPS_SENTENCE, DOC_CAP_SEEN, DOC_FIRST, DOC_LOWER_SEEN } from './ner-features';

function sentenceEnd(starts: Int32Array, count: number, s: number, n: number): number {
  return s + 1 < count ? starts[s + 1]! : n;
}

/** Per token of a document given as word ids: DOC_* bits. */
export function documentEvidence(ids: Int32Array, words: WordCache, starts: Int32Array, count: number): Uint8Array {
  const n = ids.length;
  const flagsOf = words.flagsOf;
  const lowerHOf = words.lowerHOf;
  const evidence = new Uint8Array(n);
  const lowerSeen = new Set<number>();
  const capSeen = new Set<number>();
  for (let s = 0; s < count; s++) {
    const from = starts[s]!;
    const to = sentenceEnd(starts, count, s, n);
    let letters = 0;
    let upper = 0;
    for (let i = from; i < to; i++) {
      const flags = flagsOf[ids[i]!]!;
      if ((flags & HAS_LETTER) === 0) continue;
      letters++;
      if ((flags & 3) === Caps.all) upper++;
    }
    const capsSentence = upper >= 2 && upper * 10 >= letters * 6;
    evidence[from] |= DOC_FIRST;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      const flags = flagsOf[id]!;
      if (capsSentence) evidence[i] |= DOC_CAPS_SENTENCE;
      if ((flags & HAS_LETTER) === 0) continue;
      if ((flags & 3) === Caps.none) lowerSeen.add(lowerHOf[id]!);
      else if (i > from && !capsSentence && (flags & 3) === Caps.initial) capSeen.add(lowerHOf[id]!);
    }
  }
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const flags = flagsOf[id]!;
    if ((flags & HAS_LETTER) === 0 || (flags & 3) === Caps.none) continue;
    if (lowerSeen.has(lowerHOf[id]!)) evidence[i] |= DOC_LOWER_SEEN;
    if (capSeen.has(lowerHOf[id]!)) evidence[i] |= DOC_CAP_SEEN;
  }
  return evidence;
}

/**
 * Per token: 0, or 1 + 2 * (type the first stage most often gave this word elsewhere in the document)
 * + (1 if it never gave another), plus 9 * (1 if that happened more than twice).
 */
export function aggregateLabels(ids: Int32Array, words: WordCache, starts: Int32Array, count: number, stage1: Uint8Array): Uint8Array {
  const n = ids.length;
  const flagsOf = words.flagsOf;
  const lowerHOf = words.lowerHOf;
  /** a capitalised word with a letter: the only words the first stage's labels are gathered for */
  const counted = (id: number): boolean => (flagsOf[id]! & HAS_LETTER) !== 0 && (flagsOf[id]! & 3) !== Caps.none;
  const counts = new Map<number, Int32Array>();
  const own = new Int8Array(n).fill(-1);
  for (let s = 0; s < count; s++) {
    for (const span of spansFromBilou(stage1, starts[s]!, sentenceEnd(starts, count, s, n))) {
      for (let i = span.start; i < span.end; i++) {
        const id = ids[i]!;
        if (!counted(id)) continue;
        let c = counts.get(lowerHOf[id]!);
        if (!c) counts.set(lowerHOf[id]!, (c = new Int32Array(4)));
        c[span.type]!++;
        own[i] = span.type;
      }
    }
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (!counted(id)) continue;
    const c = counts.get(lowerHOf[id]!);
    if (!c) continue;
    let total = 0;
    let bestType = -1;
    let bestCount = 0;
    for (let t = 0; t < 4; t++) {
      const v = c[t]! - (own[i] === t ? 1 : 0);
      total += v;
      if (v > bestCount) {
        bestCount = v;
        bestType = t;
      }
    }
    if (total === 0) continue;
    out[i] = 1 + 2 * bestType + (bestCount === total ? 1 : 0) + (total > 2 ? 9 : 0);
  }
  return out;
}
