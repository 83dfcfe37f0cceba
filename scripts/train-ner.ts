/**
 * Trains the part-of-speech tagger and the two-stage entity recogniser on CoNLL-2003 train.txt and writes
 * models/news-en.bin. Deterministic (fixed seed, fixed order): running it twice gives the same bytes.
 *
 *   ts-node scripts/train-ner.ts [--train FILE] [--lexicon FILE] [--gazetteers DIR] [--out FILE]
 *
 * Inputs that training depends on beyond that file: models/lexicon.tsv (word clusters learnt from
 * unlabelled news by scripts/clusters-build.ts) and models/gazetteers/*.txt (hand-written name lists).
 * Features that come from the training data itself (part of speech, annotated-name lists, first-stage
 * labels) are produced for each document by models that did not see it (5-fold jackknifing), so the
 * recogniser learns to trust them as much as they deserve on new text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Gazetteer, type GazetteerList } from '../ingest/nlp/gazetteer';
import { bilouFromSpans } from '../ingest/nlp/labels';
import { parseLexicon } from '../ingest/nlp/lexicon';
import { encodeBundle, type ModelBundle } from '../ingest/nlp/model-file';
import { NerTemplates, type NerDoc } from '../ingest/nlp/ner-features';
import { aggregateLabels, documentEvidence } from '../ingest/nlp/ner-doc';
import { PerceptronTrainer, seededRandom, shuffle, type LinearModel } from '../ingest/nlp/perceptron';
import { PosTemplates, buildTagDictionary } from '../ingest/nlp/pos-features';
import { boundaries, tagUncached, trainPass, wordIds, type FeatureTemplates, type SequenceDoc } from '../ingest/nlp/sequence';
import { WordCache } from '../ingest/nlp/words';
import { annotatedNameLists, readConllDocs, readGazetteerLists, type TrainDoc } from './ner-data';

const SEED = 1996;
const FOLDS = 5;
const POS_EPOCHS = 6;
const NER_EPOCHS = 12;
const PRUNE = 0.05;

interface Options {
  train: string;
  lexicon: string;
  gazetteers: string;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    train: '../shared/data/conll2003/train.txt',
    lexicon: 'models/lexicon.tsv',
    gazetteers: 'models/gazetteers',
    out: 'models/news-en.bin',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!.replace(/^--/, '') as keyof Options;
    if (!(flag in options) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${argv[i]}`);
    options[flag] = argv[++i]!;
  }
  return options;
}

const log = (message: string): void => void process.stderr.write(message + '\n');

function train<D extends SequenceDoc>(
  what: string,
  docs: readonly D[],
  gold: (doc: D) => Uint8Array,
  templates: FeatureTemplates<D>,
  epochs: number,
  cache: WordCache,
): LinearModel {
  const trainer = new PerceptronTrainer(templates.nClasses);
  const edge = boundaries(cache);
  const order = [...docs];
  const random = seededRandom(SEED);
  for (let e = 0; e < epochs; e++) {
    shuffle(order, random);
    const started = Date.now();
    const accuracy = trainPass(order, gold, templates, trainer, edge);
    if (e === epochs - 1) log(`  ${what}: epoch ${e + 1}, accuracy ${(accuracy * 100).toFixed(2)}%, ${Date.now() - started} ms`);
  }
  return trainer.finish(PRUNE);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const docs = readConllDocs(options.train);
  const cache = new WordCache(parseLexicon(readFileSync(options.lexicon, 'utf8')));
  const edge = boundaries(cache);
  const lexiconText = readFileSync(options.lexicon, 'utf8');
  const handLists = readGazetteerLists(options.gazetteers);
  const fold = (i: number): number => i % FOLDS;

  // part of speech
  const posTags = [...new Set(docs.flatMap((d) => d.posGold))].sort();
  const posIndex = new Map(posTags.map((t, i) => [t, i]));
  const posDocs = docs.map((d) => ({
    n: d.words.length,
    infos: d.words.map((w) => cache.get(w)),
    sentenceStarts: d.sentenceStarts,
    sentenceCount: d.sentenceStarts.length,
    gold: Uint8Array.from(d.posGold.map((t) => posIndex.get(t)!)),
  }));
  const posDictionary = buildTagDictionary(
    posDocs.flatMap((d) => d.infos.map((info) => info.word)),
    Uint8Array.from(posDocs.flatMap((d) => [...d.gold])),
  );
  const posTemplates = new PosTemplates(posTags.length, posDictionary);
  const posOf = (d: (typeof posDocs)[number]): Uint8Array => d.gold;
  log(`part of speech: ${posTags.length} tags`);
  const jackPos: Uint8Array[] = new Array(docs.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = train(`pos fold ${f + 1}`, posDocs.filter((_, i) => fold(i) !== f), posOf, posTemplates, POS_EPOCHS, cache);
    posDocs.forEach((d, i) => {
      if (fold(i) === f) jackPos[i] = tagUncached(d, posTemplates, model, edge);
    });
  }
  const posModel = train('pos (all)', posDocs, posOf, posTemplates, POS_EPOCHS, cache);

  // entity recogniser, stage 1
  const nerDocs: NerDoc[] = docs.map((d, i) => nerDoc(d, posDocs[i]!.infos, jackPos[i]!, cache));
  const foldGazetteers: Gazetteer[] = [];
  for (let f = 0; f < FOLDS; f++) {
    foldGazetteers.push(new Gazetteer([...handLists, ...annotatedNameLists(docs.filter((_, j) => fold(j) !== f), handLists)]));
  }
  nerDocs.forEach((d, i) => {
    d.gazetteer = foldGazetteers[fold(i)]!.match(wordIds(d.infos), cache, d.sentenceStarts, d.sentenceCount);
  });
  const goldLabels = docs.map((d) => bilouFromSpans(d.spans, d.words.length));
  const goldOf = new Map(nerDocs.map((d, i) => [d, goldLabels[i]!]));
  const gold = (d: NerDoc): Uint8Array => goldOf.get(d)!;
  const entityStarters = [
    ...new Set(docs.flatMap((d) => d.spans.map((s) => d.words[s.start]!)).filter((w) => !/^\p{Lu}/u.test(w))),
  ].sort();
  const starters = new Set(entityStarters);
  const stage1 = new NerTemplates(1, starters);
  for (let f = 0; f < FOLDS; f++) {
    const model = train(`ner stage 1 fold ${f + 1}`, nerDocs.filter((_, i) => fold(i) !== f), gold, stage1, NER_EPOCHS, cache);
    nerDocs.forEach((d, i) => {
      if (fold(i) !== f) return;
      d.stage1 = tagUncached(d, stage1, model, edge);
      d.aggregate = aggregateLabels(wordIds(d.infos), cache, d.sentenceStarts, d.sentenceCount, d.stage1);
    });
  }
  const ner1 = train('ner stage 1 (all)', nerDocs, gold, stage1, NER_EPOCHS, cache);
  const ner2 = train('ner stage 2 (all)', nerDocs, gold, new NerTemplates(2, starters), NER_EPOCHS, cache);

  const gazetteers: GazetteerList[] = [...handLists, ...annotatedNameLists(docs, handLists)];
  const bundle: ModelBundle = {
    meta: {
      format: 'graphwire news NLP model 1',
      trainedOn: 'CoNLL-2003 English train.txt (Reuters RCV1, research use); clusters from shared/data/news',
      seed: SEED,
      tokens: docs.reduce((s, d) => s + d.words.length, 0),
    },
    posTags,
    posDictionary,
    entityStarters,
    lexicon: lexiconText,
    gazetteers,
    models: { pos: posModel, ner1, ner2 },
  };
  const bytes = encodeBundle(bundle);
  writeFileSync(options.out, bytes);
  log(
    `wrote ${options.out}: ${(bytes.length / 1e6).toFixed(2)} MB ` +
      `(pos ${posModel.size}, ner1 ${ner1.size}, ner2 ${ner2.size} feature rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function nerDoc(d: TrainDoc, infos: NerDoc['infos'], pos: Uint8Array, cache: WordCache): NerDoc {
  return {
    n: d.words.length,
    infos,
    sentenceStarts: d.sentenceStarts,
    sentenceCount: d.sentenceStarts.length,
    pos,
    gazetteer: { offsets: new Int32Array(d.words.length + 1), codes: new Int32Array(0) },
    evidence: documentEvidence(wordIds(infos), cache, d.sentenceStarts, d.sentenceStarts.length),
  };
}

main();
