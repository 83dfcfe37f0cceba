import { dateClues, inferPublished, storyProfile, weekdayClues, type DatedCandidate, type StoryProfile } from '../clean';
import type { ReadArticle } from './assemble';
import type { ReadEvent } from './reader';
import { definedFields } from '../../src/util/defined';

/**
 * How many articles before and after an undated one are looked at for a dated report of the same
 * story. Reports of one story arrive close together (a wire's day is a few hundred items; a folder
 * of one event's coverage, fewer), while the wider the window, the more same-saga reports of other
 * days come into reach. It also bounds memory and delay: an undated article that names a weekday
 * holds back the articles after it until this many more are read.
 */
export const SAME_STORY_WINDOW = 200;

/**
 * Characters (cleaned plus original text) the stage holds at most, whatever the window: a window of
 * very large articles is cut short rather than grown without limit.
 */
export const SAME_STORY_WINDOW_CHARS = 64 * 1024 * 1024;

interface Held {
  event: ReadEvent;
  /** position among articles (for other events, that of the next article) */
  position: number;
  /** an undated article that names a weekday, while it waits for the articles after it */
  waits: boolean;
}

interface Dated {
  position: number;
  article: ReadArticle;
  chars: number;
  profile?: StoryProfile;
}

/**
 * Gives an undated article the date of a dated report of the same story read within `window`
 * articles of it (see inferPublished for when), and says how in `publishedFrom`. Events come out in
 * the order they went in; an undated article that names a weekday waits until `window` more
 * articles are read (or the input ends), and the events after it wait with it. Dates are only lent
 * by articles that have their own: an inferred date is never passed on.
 */
export async function* withInferredDates(events: AsyncIterable<ReadEvent>, window = SAME_STORY_WINDOW): AsyncGenerator<ReadEvent> {
  if (window <= 0) {
    yield* events;
    return;
  }
  const held: Held[] = [];
  /** the held articles still waiting, oldest first */
  const waiting: Held[] = [];
  const dated: Dated[] = [];
  let heldChars = 0;
  let datedChars = 0;
  let position = 0;

  const decide = (entry: Held): void => {
    entry.waits = false;
    const inReach = dated.filter((d) => Math.abs(d.position - entry.position) <= window);
    if (inReach.length === 0) return;
    const article = (entry.event as { article: ReadArticle }).article;
    const candidates = inReach.map((d): DatedCandidate => ({
      published: d.article.published!,
      label: () => labelOf(d.article),
      profile: () => (d.profile ??= storyProfile(d.article.text)),
    }));
    const inferred = inferPublished(dateClues(article.text, article.original, article.removed), () => storyProfile(article.text), candidates);
    if (inferred !== undefined) entry.event = { kind: 'article', article: withDate(article, inferred.published, inferred.from) };
  };

  for await (const event of events) {
    const entry: Held = { event, position, waits: false };
    held.push(entry);
    if (event.kind === 'article') {
      const article = event.article;
      const chars = article.text.length + article.original.length;
      heldChars += chars;
      if (article.published !== undefined) {
        dated.push({ position, article, chars });
        datedChars += chars;
      } else if (weekdayClues(article.text).length > 0) {
        entry.waits = true;
        waiting.push(entry);
      }
      // decided once the window after it is read, or early when the window holds too much text
      while (waiting.length > 0 && (position - waiting[0]!.position >= window || heldChars > SAME_STORY_WINDOW_CHARS)) decide(waiting.shift()!);
      position++;
    }
    while (held.length > 0 && !held[0]!.waits) {
      const next = held.shift()!.event;
      if (next.kind === 'article') heldChars -= next.article.text.length + next.article.original.length;
      yield next;
    }
    // dated articles out of reach of the oldest waiting article, or of the next one read
    const reach = (waiting[0]?.position ?? position) - window;
    while (dated.length > 0 && (dated[0]!.position < reach || datedChars > SAME_STORY_WINDOW_CHARS)) datedChars -= dated.shift()!.chars;
  }
  for (const entry of waiting) decide(entry);
  for (const entry of held) yield entry.event;
}

function labelOf(article: ReadArticle): string {
  return `${article.file}${article.line === undefined ? '' : `:${article.line}`} (id ${article.id})`;
}

/** The article with its date, put after the source as in articles read with one. */
function withDate(article: ReadArticle, published: string, from: string): ReadArticle {
  const { id, title, source, ...rest } = article;
  return definedFields<ReadArticle>({ id, title, source, published, publishedFrom: from, ...rest });
}
