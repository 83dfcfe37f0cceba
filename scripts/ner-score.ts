/**
 * Entity-level precision, recall and F1 the way conlleval counts them: a predicted entity is right only
 * if its first token, last token and type all match a gold one.
 */
import { ENTITY_TYPES, type TokenSpan } from '../ingest/nlp/labels';

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export class EntityScorer {
  readonly byType: Counts[] = ENTITY_TYPES.map(() => ({ gold: 0, predicted: 0, correct: 0 }));

  add(gold: readonly TokenSpan[], predicted: readonly TokenSpan[]): void {
    const key = (s: TokenSpan): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) this.byType[s.type]!.gold++;
    for (const s of predicted) {
      this.byType[s.type]!.predicted++;
      if (goldKeys.has(key(s))) this.byType[s.type]!.correct++;
    }
  }

  report(): Record<'overall' | (typeof ENTITY_TYPES)[number], Scores> {
    const total: Counts = { gold: 0, predicted: 0, correct: 0 };
    for (const c of this.byType) {
      total.gold += c.gold;
      total.predicted += c.predicted;
      total.correct += c.correct;
    }
    const out = { overall: scores(total) } as Record<'overall' | (typeof ENTITY_TYPES)[number], Scores>;
    ENTITY_TYPES.forEach((t, i) => (out[t] = scores(this.byType[i]!)));
    return out;
  }
}

function scores(c: Counts): Scores {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
