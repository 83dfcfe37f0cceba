/**
 * One sentence seen by the relation rules: its tokens, the entity mentions that start at each token,
 * and the few questions the rules ask ("which entity is the noun phrase at token i?", "what is the
 * subject of this verb group?").
 */
import type { Analysis, Chunk, Token } from '../nlp';
import type { LocalEntity, Ref } from '../extract/types';

export class SentenceView {
  /** the widest mention starting at each token */
  private readonly startsAt = new Map<number, Ref>();
  /** the widest mention covering each token */
  private readonly covering = new Map<number, Ref>();
  /** the widest mention ending at each token (exclusive end) */
  private readonly endsAt = new Map<number, Ref>();
  readonly verbs: Chunk[];

  constructor(
    readonly analysis: Analysis,
    readonly index: number,
    readonly refs: Ref[],
    readonly entities: readonly LocalEntity[],
  ) {
    for (const r of refs) {
      const known = this.startsAt.get(r.tokenStart);
      if (known === undefined || r.tokenEnd > known.tokenEnd) this.startsAt.set(r.tokenStart, r);
      const ending = this.endsAt.get(r.tokenEnd);
      if (ending === undefined || r.tokenStart < ending.tokenStart) this.endsAt.set(r.tokenEnd, r);
      for (let i = r.tokenStart; i < r.tokenEnd; i++) {
        const c = this.covering.get(i);
        if (c === undefined || c.tokenEnd - c.tokenStart < r.tokenEnd - r.tokenStart) this.covering.set(i, r);
      }
    }
    const s = analysis.sentences[index]!;
    this.from = s.tokenStart;
    this.to = s.tokenEnd;
    this.verbs = [];
  }

  readonly from: number;
  readonly to: number;

  token(i: number): Token | undefined {
    return i >= this.from && i < this.to ? this.analysis.tokens[i] : undefined;
  }

  word(i: number): string {
    return this.token(i)?.text.toLowerCase() ?? '';
  }

  pos(i: number): string {
    return this.token(i)?.pos ?? '';
  }

  entity(r: Ref): LocalEntity {
    return this.entities[r.entity]!;
  }

  refCovering(i: number): Ref | undefined {
    return this.covering.get(i);
  }

  /**
   * The entity of the noun phrase that begins at token i: determiners, numbers, adjectives and a few
   * quantity words ("about 13,000 of the") are stepped over.
   */
  argAt(i: number, limit = 6): Ref | undefined {
    for (let k = 0; k < limit && i < this.to; k++, i++) {
      const r = this.startsAt.get(i);
      if (r !== undefined) return r;
      const cover = this.covering.get(i);
      if (cover !== undefined) return cover;
      const p = this.pos(i);
      const w = this.word(i);
      if (/^(DT|PDT|CD|JJ|JJR|JJS|RB|RBR|PRP\$|POS)$/.test(p) || /^(of|than|about|some|half|most|part|least|at)$/.test(w)) continue;
      return undefined;
    }
    return undefined;
  }

  /** "X and Y", "X, Y and Z": the mentions coordinated with r after it */
  coordinatedAfter(r: Ref): Ref[] {
    const out: Ref[] = [];
    let i = r.tokenEnd;
    while (i < this.to && (this.word(i) === 'and' || (this.word(i) === ',' && out.length < 4))) {
      const next = this.argAt(i + 1, 3);
      if (next === undefined) break;
      out.push(next);
      i = next.tokenEnd;
    }
    return out;
  }

  /** the mention that ends right before token i (skipping adverbs and modal words), if any */
  refEndingBefore(i: number): Ref | undefined {
    let k = i - 1;
    while (k >= this.from && /^(RB|RBR|MD)$/.test(this.pos(k))) k--;
    if (k < this.from) return undefined;
    return this.endsAt.get(k + 1);
  }
}

/** The verb groups of a sentence, in order. */
export function verbGroups(analysis: Analysis, sentence: number): Chunk[] {
  return analysis.chunks.filter((c) => c.kind === 'VP' && c.sentence === sentence);
}
