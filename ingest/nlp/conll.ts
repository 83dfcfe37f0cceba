/**
 * Reader for the CoNLL column format ("word POS chunk NER", blank line between sentences,
 * "-DOCSTART-" between documents). Used by the training and evaluation scripts.
 */
import { InputError } from '../../src/errors';

export interface ConllSentence {
  words: string[];
  pos: string[];
  /** the last column as written (IOB1 or IOB2) */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

export function parseConll(text: string, file = '<conll>'): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence = { words: [], pos: [], tags: [] };
  const endSentence = (): void => {
    if (sentence.words.length > 0) doc.sentences.push(sentence);
    sentence = { words: [], pos: [], tags: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.sentences.length > 0) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    if (cols.length < 2) throw new InputError(file, `expected "word ... tag" columns, got "${line}"`, n + 1);
    sentence.words.push(cols[0]!);
    sentence.pos.push(cols.length >= 3 ? cols[1]! : '');
    sentence.tags.push(cols[cols.length - 1]!);
  }
  endSentence();
  if (doc.sentences.length > 0) docs.push(doc);
  return docs;
}
