/**
 * Base noun phrases and verb groups from part-of-speech tags (a regular chunker, like the CoNLL-2000
 * chunks): enough for subject-verb-object extraction to find its arguments.
 */
import { posOf, sentenceEnd, type Annotated } from './annotated';
import type { Chunk } from './types';

const NP_START = /^(DT|PDT|PRP\$|JJ|JJR|JJS|CD|NN|NNS|NNP|NNPS|PRP|WP|EX|\$)$/;
const NP_INSIDE = /^(JJ|JJR|JJS|CD|NN|NNS|NNP|NNPS|POS|VBG|HYPH|\$)$/;
const NP_HEAD = /^(NN|NNS|NNP|NNPS|PRP|CD|EX|WP)$/;
const VP = /^(MD|VB|VBD|VBG|VBN|VBP|VBZ|RP|TO)$/;
const VP_ADVERB = /^(RB|RBR|RBS)$/;

export function chunk(doc: Annotated): Chunk[] {
  const chunks: Chunk[] = [];
  for (let s = 0; s < doc.sentenceCount; s++) {
    const from = doc.sentenceTokenStarts[s]!;
    const to = sentenceEnd(doc, s);
    let i = from;
    while (i < to) {
      const tag = posOf(doc, i);
      if (NP_START.test(tag)) {
        let j = i + 1;
        if (tag !== 'PRP' && tag !== 'WP' && tag !== 'EX') {
          while (j < to && NP_INSIDE.test(posOf(doc, j))) j++;
        }
        // an NP must end on a noun-like word; back off over trailing modifiers
        let end = j;
        while (end > i && !NP_HEAD.test(posOf(doc, end - 1))) end--;
        if (end > i) {
          chunks.push(make(doc, 'NP', i, end, s));
          i = end;
          continue;
        }
      }
      if (VP.test(tag)) {
        let j = i + 1;
        while (j < to && (VP.test(posOf(doc, j)) || (VP_ADVERB.test(posOf(doc, j)) && j + 1 < to && VP.test(posOf(doc, j + 1))))) j++;
        chunks.push(make(doc, 'VP', i, j, s));
        i = j;
        continue;
      }
      i++;
    }
  }
  return chunks;
}

function make(doc: Annotated, kind: 'NP' | 'VP', from: number, to: number, sentence: number): Chunk {
  return { kind, start: doc.tokenStarts[from]!, end: doc.tokenEnds[to - 1]!, tokenStart: from, tokenEnd: to, sentence };
}
