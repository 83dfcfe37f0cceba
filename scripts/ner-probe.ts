/**
 * Prints what the NLP layer makes of each argument: sentences, entity mentions, tags, events, dates
 * (against 2020-02-13) and quantities. For looking at mistakes by eye.
 *
 *   ts-node scripts/ner-probe.ts "Some text." "More text."
 */
import { loadNlp } from '../ingest/nlp';

const nlp = loadNlp();
for (const text of process.argv.slice(2)) {
  const a = nlp.analyse(text, { published: '2020-02-13' });
  const lines = [
    text,
    `  sentences: ${a.sentences.map((s) => JSON.stringify(text.slice(s.start, s.end))).join(' | ')}`,
    `  mentions:  ${a.mentions.map((m) => `${m.text}/${m.label}`).join(', ')}`,
    `  tags:      ${a.tokens.toArray().map((t) => `${t.text}/${t.pos}`).join(' ')}`,
    `  events:    ${a.events.map((e) => `${e.text}/${e.kind}`).join(', ')}`,
    `  dates:     ${a.dates.map((d) => `${d.text}=${d.value}`).join(', ')}`,
    `  amounts:   ${a.quantities.map((q) => `${q.text}=${q.value} ${q.unit ?? ''}`).join(', ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
