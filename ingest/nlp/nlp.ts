/**
 * The NLP layer's one entry point. `loadNlp()` reads the model file once (memoised per path); an `Nlp`
 * then serves any number of texts:
 * - `annotate(text)`: tokens, sentences, part of speech and entity labels in typed arrays (the fast path);
 * - `analyse(text, { published })`: the same as plain objects, plus chunks, entity mentions, event
 *   mentions, and (found when first read) resolved dates and quantities.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/errors';
import { sentenceEnd, type Annotated } from './annotated';
import { chunk } from './chunks';
import { findDates } from './dates';
import { findEvents } from './events';
import { ENTITY_TYPES } from './labels';
import { nameSpans } from './name-spans';
import { readBundle } from './model-file';
import { findQuantities } from './quantities';
import { Recognizer } from './recognizer';
import { splitSentences } from './sentences';
import { tokenize } from './tokenize';
import { SCHEMA_TYPE, type AnalyseOptions, type Analysis, type DateMention, type Mention, type Quantity, type Sentence } from './types';
import { TokenColumns } from './tokens';

export const MODEL_FILE = 'news-en.bin';

export class Nlp {
  constructor(private readonly recognizer: Recognizer) {}

  annotate(text: string): Annotated {
    const spans = tokenize(text);
    const n = spans.count;
    const infos = this.recognizer.lookUp(text, spans.starts, spans.ends, n);
    const words: string[] = new Array(n);
    const lowers: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const info = infos[i]!;
      words[i] = info.word;
      lowers[i] = info.lower;
    }
    const sentences = splitSentences(text, spans, words);
    const tagged = this.recognizer.tagInfos(infos, sentences.tokenStarts, sentences.count);
    let mentionCount = 0;
    for (let i = 0; i < n; i++) {
      const l = tagged.entities[i]!;
      // B and U labels open a mention (label - 1) & 3 is the part: B = 0, U = 3
      if (l !== 0 && ((l - 1) & 3) % 3 === 0) mentionCount++;
    }
    return {
      text,
      tokenCount: n,
      tokenStarts: spans.starts,
      tokenEnds: spans.ends,
      words,
      lowers,
      sentenceCount: sentences.count,
      sentenceTokenStarts: sentences.tokenStarts,
      pos: tagged.pos,
      posTags: this.recognizer.posTags,
      entityLabels: tagged.entities,
      mentionCount,
    };
  }

  analyse(text: string, options: AnalyseOptions = {}): Analysis {
    const doc = this.annotate(text);
    const sentences: Sentence[] = [];
    const mentions: Mention[] = [];
    for (let s = 0; s < doc.sentenceCount; s++) {
      const from = doc.sentenceTokenStarts[s]!;
      const to = sentenceEnd(doc, s);
      sentences.push({ start: doc.tokenStarts[from]!, end: doc.tokenEnds[to - 1]!, tokenStart: from, tokenEnd: to });
      for (const span of nameSpans(doc.entityLabels, doc.words, doc.pos, doc.posTags, from, to)) {
        const label = ENTITY_TYPES[span.type]!;
        const start = doc.tokenStarts[span.start]!;
        const end = doc.tokenEnds[span.end - 1]!;
        mentions.push({
          start,
          end,
          text: text.slice(start, end),
          label,
          type: SCHEMA_TYPE[label],
          tokenStart: span.start,
          tokenEnd: span.end,
          sentence: s,
        });
      }
    }
    const sentenceOf = (offset: number): number => {
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sentences[mid]!.start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    let dates: DateMention[] | undefined;
    let quantities: Quantity[] | undefined;
    const datesOnce = (): DateMention[] => (dates ??= findDates(text, options.published, sentenceOf));
    return {
      text,
      sentences,
      tokens: new TokenColumns(doc),
      chunks: chunk(doc),
      mentions,
      events: findEvents(doc),
      get dates(): DateMention[] {
        return datesOnce();
      },
      get quantities(): Quantity[] {
        return (quantities ??= findQuantities(text, datesOnce(), sentenceOf));
      },
    };
  }
}

const loaded = new Map<string, Nlp>();

/** The shipped model (models/news-en.bin), or the given file; loaded once per path and shared. */
export function loadNlp(modelPath = defaultModelPath()): Nlp {
  let nlp = loaded.get(modelPath);
  if (!nlp) {
    nlp = new Nlp(new Recognizer(readBundle(modelPath)));
    loaded.set(modelPath, nlp);
  }
  return nlp;
}

/** models/ at the repository root, whether running from source (ingest/nlp) or compiled (dist/ingest/nlp). */
export function defaultModelPath(): string {
  for (const up of ['../..', '../../..']) {
    const path = join(__dirname, up, 'models', MODEL_FILE);
    if (existsSync(path)) return path;
  }
  throw new ConfigError(`cannot find models/${MODEL_FILE}; build it with npm run train:ner`);
}
