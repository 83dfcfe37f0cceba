/**
 * One sentence seen by the relation rules: its tokens, the entity mentions that start at each token,
 * and the few questions the rules ask ("which entity is the noun phrase at token i?", "what is the
 * subject of this verb group?").
 */
import type { Analysis, Chunk, Tokens } from '../nlp';
import type { LocalEntity, Ref } from '../extract/types';

export class SentenceView {
  // by token index - base: arrays over the sentence's few tokens rather than maps, as the rules ask
  // these at nearly every token
  private readonly base: number;
  /** the widest mention starting at each token */
  private readonly startsAt: Array<Ref | undefined>;
  /** the widest mention covering each token */
  private readonly covering: Array<Ref | undefined>;
  /** the widest mention ending at each token (exclusive end) */
  private readonly endsAt: Array<Ref | undefined>;

  constructor(
    readonly analysis: Analysis,
    readonly index: number,
    readonly refs: Ref[],
    readonly entities: readonly LocalEntity[],
  ) {
    this.tokens = analysis.tokens;
    const s = analysis.sentences[index]!;
    let low = s.tokenStart;
    let high = s.tokenEnd;
    for (const r of refs) {
      low = Math.min(low, r.tokenStart);
      high = Math.max(high, r.tokenEnd);
    }
    const base = (this.base = low);
    const size = high - low + 1;
    this.startsAt = new Array<Ref | undefined>(size);
    this.covering = new Array<Ref | undefined>(size);
    this.endsAt = new Array<Ref | undefined>(size);
    for (const r of refs) {
      const known = this.startsAt[r.tokenStart - base];
      if (known === undefined || r.tokenEnd > known.tokenEnd) this.startsAt[r.tokenStart - base] = r;
      const ending = this.endsAt[r.tokenEnd - base];
      if (ending === undefined || r.tokenStart < ending.tokenStart) this.endsAt[r.tokenEnd - base] = r;
      for (let i = r.tokenStart; i < r.tokenEnd; i++) {
        const c = this.covering[i - base];
        if (c === undefined || c.tokenEnd - c.tokenStart < r.tokenEnd - r.tokenStart) this.covering[i - base] = r;
      }
    }
    this.from = s.tokenStart;
    this.to = s.tokenEnd;
  }

  readonly from: number;
  readonly to: number;
  private readonly tokens: Tokens;

  /** character offsets of token i, which must be in the sentence */
  start(i: number): number {
    return this.tokens.start(i);
  }

  end(i: number): number {
    return this.tokens.end(i);
  }

  /** token i in lower case; '' outside the sentence */
  word(i: number): string {
    return i >= this.from && i < this.to ? this.tokens.lower(i) : '';
  }

  pos(i: number): string {
    return i >= this.from && i < this.to ? this.tokens.pos(i) : '';
  }

  entity(r: Ref): LocalEntity {
    return this.entities[r.entity]!;
  }

  refCovering(i: number): Ref | undefined {
    return at(this.covering, i - this.base);
  }

  /**
   * The entity of the noun phrase that begins at token i: determiners, numbers, adjectives and a few
   * quantity words ("about 13,000 of the") are stepped over.
   */
  argAt(i: number, limit = 6): Ref | undefined {
    for (let k = 0; k < limit && i < this.to; k++, i++) {
      const r = at(this.startsAt, i - this.base);
      if (r !== undefined) return r;
      const cover = at(this.covering, i - this.base);
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
    return at(this.endsAt, k + 1 - this.base);
  }
}

/** list[i], or undefined outside it (where a map would have had no entry). */
function at(list: Array<Ref | undefined>, i: number): Ref | undefined {
  return i >= 0 && i < list.length ? list[i] : undefined;
}

