/**
 * Training data for the tagger and recogniser: CoNLL documents as token arrays with sentence starts,
 * gold part-of-speech tags and entity spans; and the gazetteer lists (hand-written files under
 * models/gazetteers, plus lists of the names annotated in the training documents).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseConll } from '../ingest/nlp/conll';
import { ENTITY_TYPES, spansFromIob, type TokenSpan } from '../ingest/nlp/labels';
import { groupOf, type GazetteerList } from '../ingest/nlp/gazetteer';

export interface TrainDoc {
  words: string[];
  sentenceStarts: Int32Array;
  posGold: string[];
  spans: TokenSpan[];
}

export function readConllDocs(path: string): TrainDoc[] {
  return parseConll(readFileSync(path, 'utf8'), path).map((doc) => {
    const words: string[] = [];
    const posGold: string[] = [];
    const starts: number[] = [];
    const spans: TokenSpan[] = [];
    for (const s of doc.sentences) {
      const offset = words.length;
      starts.push(offset);
      words.push(...s.words);
      posGold.push(...s.pos);
      for (const span of spansFromIob(s.tags)) spans.push({ start: span.start + offset, end: span.end + offset, type: span.type });
    }
    return { words, sentenceStarts: Int32Array.from(starts), posGold, spans };
  });
}

/** The hand-written lists: models/gazetteers/<name>.txt, one name per line, "#" comments. */
export function readGazetteerLists(dir: string): GazetteerList[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.slice(0, -4),
      entries: readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    }));
}

/**
 * Names annotated in the given documents, one list per type, keeping a name only where the type is its
 * most frequent one (so "Washington" does not land in every list). The hand-written lists win: a name
 * they give another type is left out (the 1996 news calls the Taleban MISC; our lists say ORG).
 */
export function annotatedNameLists(docs: readonly TrainDoc[], handLists: readonly GazetteerList[]): GazetteerList[] {
  const curated = new Map<string, string>();
  for (const list of handLists) for (const e of list.entries) curated.set(e.toLowerCase(), groupOf(list.name));
  const counts = new Map<string, number[]>();
  for (const doc of docs) {
    for (const s of doc.spans) {
      const name = doc.words.slice(s.start, s.end).join(' ');
      let c = counts.get(name);
      if (!c) counts.set(name, (c = [0, 0, 0, 0]));
      c[s.type]!++;
    }
  }
  const lists: string[][] = ENTITY_TYPES.map(() => []);
  for (const [name, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const best = c.indexOf(Math.max(...c));
    const group = curated.get(name.toLowerCase());
    if (group !== undefined && group !== ENTITY_TYPES[best]!.toLowerCase()) continue;
    lists[best]!.push(name);
  }
  return ENTITY_TYPES.map((t, i) => ({ name: `${t.toLowerCase()}-annotated`, entries: lists[i]! }));
}
