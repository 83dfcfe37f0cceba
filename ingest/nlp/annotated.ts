/**
 * The columnar result of the statistical layer: token offsets, sentence bounds, tags and entity labels
 * in typed arrays. Rule-based recognisers and `analyse` read it; the throughput path stops here.
 */
export interface Annotated {
  text: string;
  tokenCount: number;
  tokenStarts: Int32Array;
  tokenEnds: Int32Array;
  /** token texts, as sliced from text */
  words: string[];
  /** the same in lower case */
  lowers: string[];
  sentenceCount: number;
  /** first token of each sentence */
  sentenceTokenStarts: Int32Array;
  /** tag id per token; names in posTags */
  pos: Uint8Array;
  posTags: readonly string[];
  /** BILOU entity label per token (labels.ts) */
  entityLabels: Uint8Array;
  mentionCount: number;
}

export function sentenceEnd(doc: Annotated, s: number): number {
  return s + 1 < doc.sentenceCount ? doc.sentenceTokenStarts[s + 1]! : doc.tokenCount;
}

export function posOf(doc: Annotated, i: number): string {
  return doc.posTags[doc.pos[i]!]!;
}
