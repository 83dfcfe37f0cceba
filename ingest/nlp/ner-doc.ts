/**
 * Document-level evidence for the recogniser: how the document itself writes each word (a headline in
 * capitals, a sentence-initial word also seen in lower case), and, for the second stage, what the first
 * stage called the same word elsewhere in the document.
 */
import { Caps, type WordInfo } from './words';
import { spansFromBilou } from './labels';
import { DOC_CAPS_SENTENCE, DOC_CAP_SEEN, DOC_FIRST, DOC_LOWER_SEEN } from './ner-features';

function sentenceEnd(starts: Int32Array, count: number, s: number, n: number): number {
  return s + 1 < count ? starts[s + 1]! : n;
}

export function documentEvidence(infos: readonly WordInfo[], starts: Int32Array, count: number): Uint8Array {
  const n = infos.length;
  const evidence = new Uint8Array(n);
  const lowerSeen = new Set<number>();
  const capSeen = new Set<number>();
  for (let s = 0; s < count; s++) {
    const from = starts[s]!;
    const to = sentenceEnd(starts, count, s, n);
    let letters = 0;
    let upper = 0;
    for (let i = from; i < to; i++) {
      const info = infos[i]!;
      if (!info.hasLetter) continue;
      letters++;
      if (info.caps === Caps.all) upper++;
    }
    const capsSentence = upper >= 2 && upper * 10 >= letters * 6;
    evidence[from] |= DOC_FIRST;
    for (let i = from; i < to; i++) {
      const info = infos[i]!;
      if (capsSentence) evidence[i] |= DOC_CAPS_SENTENCE;
      if (!info.hasLetter) continue;
      if (info.caps === Caps.none) lowerSeen.add(info.lowerH);
      else if (i > from && !capsSentence && info.caps === Caps.initial) capSeen.add(info.lowerH);
    }
  }
  for (let i = 0; i < n; i++) {
    const info = infos[i]!;
    if (!info.hasLetter || info.caps === Caps.none) continue;
    if (lowerSeen.has(info.lowerH)) evidence[i] |= DOC_LOWER_SEEN;
    if (capSeen.has(info.lowerH)) evidence[i] |= DOC_CAP_SEEN;
  }
  return evidence;
}

/**
 * Per token: 0, or 1 + 2 * (type the first stage most often gave this word elsewhere in the document)
 * + (1 if it never gave another), plus 9 * (1 if that happened more than twice).
 */
export function aggregateLabels(
  infos: readonly WordInfo[],
  starts: Int32Array,
  count: number,
  stage1: Uint8Array,
): Uint8Array {
  const n = infos.length;
  const counts = new Map<number, Int32Array>();
  const own = new Int8Array(n).fill(-1);
  for (let s = 0; s < count; s++) {
    for (const span of spansFromBilou(stage1, starts[s]!, sentenceEnd(starts, count, s, n))) {
      for (let i = span.start; i < span.end; i++) {
        const info = infos[i]!;
        if (!info.hasLetter || info.caps === Caps.none) continue;
        let c = counts.get(info.lowerH);
        if (!c) counts.set(info.lowerH, (c = new Int32Array(4)));
        c[span.type]!++;
        own[i] = span.type;
      }
    }
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const info = infos[i]!;
    if (!info.hasLetter || info.caps === Caps.none) continue;
    const c = counts.get(info.lowerH);
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
