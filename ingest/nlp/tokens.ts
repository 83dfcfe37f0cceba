/** The column form of an analysed text's tokens (types.ts `Tokens`), made from the annotated arrays. */
import type { Annotated } from './annotated';
import type { Token, Tokens } from './types';

export class TokenColumns implements Tokens {
  readonly count: number;
  private readonly words: readonly string[];
  private readonly lowers: readonly string[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly tags: Uint8Array;
  private readonly tagNames: readonly string[];
  private readonly sentences: Int32Array;

  constructor(doc: Annotated) {
    this.count = doc.tokenCount;
    this.words = doc.words;
    this.lowers = doc.lowers;
    this.starts = doc.tokenStarts;
    this.ends = doc.tokenEnds;
    this.tags = doc.pos;
    this.tagNames = doc.posTags;
    const sentences = (this.sentences = new Int32Array(doc.tokenCount));
    for (let s = 1; s < doc.sentenceCount; s++) sentences.fill(s, doc.sentenceTokenStarts[s]!, s + 1 < doc.sentenceCount ? doc.sentenceTokenStarts[s + 1]! : doc.tokenCount);
  }

  text(i: number): string {
    return i >= 0 && i < this.count ? this.words[i]! : '';
  }

  lower(i: number): string {
    return i >= 0 && i < this.count ? this.lowers[i]! : '';
  }

  pos(i: number): string {
    return i >= 0 && i < this.count ? this.tagNames[this.tags[i]!]! : '';
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  sentence(i: number): number {
    return this.sentences[i]!;
  }

  toArray(): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < this.count; i++) out.push({ text: this.text(i), start: this.start(i), end: this.end(i), pos: this.pos(i), sentence: this.sentence(i) });
    return out;
  }
}
