/**
 * Event mentions: noun phrases headed by an event noun ("NATO defense ministers meeting", "peace
 * talks", "the 2020 election", "Munich Security Conference"). The trigger lists are data; the phrase is
 * the trigger plus the modifiers before it in the same base noun phrase.
 */
import { posOf, sentenceEnd, type Annotated } from './annotated';
import type { EventMention } from './types';

type Kind = EventMention['kind'];

export const EVENT_TRIGGERS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ...words('meeting meetings talks summit summits conference conferences negotiations visit visits session forum ' +
    'ceremony hearing hearings congress convention rally summitry dialogue', 'meeting'),
  ...words('war wars conflict conflicts fighting battle battles offensive invasion occupation insurgency uprising ' +
    'clashes campaign siege hostilities violence', 'conflict'),
  ...words('attack attacks bombing bombings airstrike airstrikes strike strikes raid raids assault shooting ' +
    'explosion blast ambush massacre assassination coup', 'attack'),
  ...words('election elections vote votes referendum primary primaries ballot poll polls', 'election'),
  ...words('deal deals agreement agreements accord accords treaty treaties ceasefire truce pact settlement ' +
    'merger acquisition takeover', 'agreement'),
  ...words('mission missions operation operations deployment withdrawal pullout exercise exercises', 'mission'),
  ...words('protest protests demonstration demonstrations crisis scandal trial investigation inquiry ' +
    'olympics games championship cup festival', 'other'),
]);

function words(list: string, kind: Kind): [string, Kind][] {
  return list.split(' ').map((w) => [w, kind]);
}

const MODIFIER = /^(NN|NNS|NNP|NNPS|JJ|CD|VBG|VBN)$/;
const NOUN = /^(NN|NNS|NNP|NNPS)$/;

export function findEvents(doc: Annotated): EventMention[] {
  const events: EventMention[] = [];
  for (let s = 0; s < doc.sentenceCount; s++) {
    const from = doc.sentenceTokenStarts[s]!;
    const to = sentenceEnd(doc, s);
    for (let i = from; i < to; i++) {
      const word = doc.lowers[i]!;
      const kind = EVENT_TRIGGERS.get(word);
      if (kind === undefined || !NOUN.test(posOf(doc, i))) continue;
      // "to attack", "will strike": a verb the tagger took for a noun
      if (i > from && /^(TO|MD|PRP)$/.test(posOf(doc, i - 1))) continue;
      // the head of a noun phrase: not followed by another noun ("meeting room", "election results")
      if (i + 1 < to && NOUN.test(posOf(doc, i + 1)) && !/^[A-Z]/.test(doc.words[i + 1]!)) continue;
      let start = i;
      while (start > from && MODIFIER.test(posOf(doc, start - 1)) && doc.words[start - 1] !== ',') start--;
      events.push({
        start: doc.tokenStarts[start]!,
        end: doc.tokenEnds[i]!,
        text: doc.text.slice(doc.tokenStarts[start]!, doc.tokenEnds[i]!),
        trigger: word,
        kind,
        tokenStart: start,
        tokenEnd: i + 1,
        sentence: s,
      });
    }
  }
  return events;
}
