/**
 * Scores the recogniser on a CoNLL-format file (IOB1 or IOB2): entity-level precision / recall / F1 per
 * type and overall, as conlleval counts them. The file's POS and chunk columns are ignored: the model
 * uses its own tagger, as it must on new text. Also reports part-of-speech accuracy when the file has tags.
 *
 *   ts-node scripts/eval-ner.ts [--json] [--model FILE] FILE
 */
import { performance } from 'node:perf_hooks';
import { readBundle } from '../ingest/nlp/model-file';
import { nameSpans } from '../ingest/nlp/name-spans';
import { Recognizer } from '../ingest/nlp/recognizer';
import { readConllDocs } from './ner-data';
import { EntityScorer } from './ner-score';

function main(): number {
  const args = process.argv.slice(2);
  let json = false;
  let modelPath = 'models/news-en.bin';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--model') modelPath = args[++i]!;
    else files.push(args[i]!);
  }
  if (files.length !== 1) {
    process.stderr.write('usage: eval-ner [--json] [--model FILE] FILE.conll\n');
    return 2;
  }
  const loadStart = performance.now();
  const recognizer = new Recognizer(readBundle(modelPath));
  const loadMs = performance.now() - loadStart;
  const docs = readConllDocs(files[0]!);
  const scorer = new EntityScorer();
  let posRight = 0;
  let posTotal = 0;
  let tokens = 0;
  const started = performance.now();
  for (const doc of docs) {
    const tagged = recognizer.tag(doc.words, doc.sentenceStarts);
    tokens += doc.words.length;
    const predicted = [];
    for (let s = 0; s < doc.sentenceStarts.length; s++) {
      const to = s + 1 < doc.sentenceStarts.length ? doc.sentenceStarts[s + 1]! : doc.words.length;
      predicted.push(...nameSpans(tagged.entities, doc.words, tagged.pos, recognizer.posTags, doc.sentenceStarts[s]!, to));
    }
    scorer.add(doc.spans, predicted);
    for (let i = 0; i < doc.words.length; i++) {
      if (doc.posGold[i] === '') continue;
      posTotal++;
      if (recognizer.posTags[tagged.pos[i]!] === doc.posGold[i]) posRight++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const report = scorer.report();
  if (json) {
    process.stdout.write(JSON.stringify(report) + '\n');
  } else {
    const lines = ['type       precision  recall     F1'];
    for (const [type, s] of Object.entries(report)) {
      lines.push(`${type.padEnd(10)} ${pct(s.precision)}    ${pct(s.recall)}    ${pct(s.f1)}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
  }
  process.stderr.write(
    `${tokens} tokens in ${docs.length} documents; model loaded in ${loadMs.toFixed(0)} ms; ` +
      `tagged at ${Math.round(tokens / seconds)} tokens/s` +
      (posTotal > 0 ? `; part-of-speech accuracy ${((100 * posRight) / posTotal).toFixed(2)}%` : '') +
      '\n',
  );
  return 0;
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

process.exitCode = main();
