import { DATE_LINE } from './dates';

/**
 * What news copy carries besides the story, as data: each rule names a kind of line that wire
 * services and news sites add around the text. The rules are general shapes, tried on every line
 * (or only where the kind of line occurs), never strings of one particular article.
 */
export interface LineRule {
  name: string;
  pattern: RegExp;
  /** `paragraph`: the rest of the paragraph goes too (contact lines run on over wrapped lines) */
  extent: 'line' | 'paragraph';
  /** `last`: only in the final paragraph (an author's bio would be story text anywhere else) */
  where: 'any' | 'last';
  /** lines longer than this are story text whatever they start with */
  maxLength: number;
}

const rule = (name: string, pattern: RegExp, options: Partial<Omit<LineRule, 'name' | 'pattern'>> = {}): LineRule => ({
  name,
  pattern,
  extent: options.extent ?? 'line',
  where: options.where ?? 'any',
  maxLength: options.maxLength ?? 200,
});

export const LINE_RULES: readonly LineRule[] = [
  rule('recommended', /^(recommended( for you| stories| reading)?|you (may|might) also like|more from [\w .'-]{1,40}|related( stories| articles| coverage| content| links| topics)?|read more|most (read|popular|viewed)|popular now|trending( now)?|top stories|more on this story|see also)\s*:?$/i),
  rule('visit-footer', /^(visit|read more from|find more from|more from)\s+.{2,160}?\s+(at|on)\s+(www\.|https?:\/\/)\S+$/i, { maxLength: 300 }),
  rule('contact-line', /^to contact the (reporters?|editors?|writers?|authors?|journalists?|correspondents?)\b/i, { extent: 'paragraph', maxLength: 1000 }),
  rule('contact-email', /^(\(?(e-?mail|contact|write to|reach)\b[^@]{0,120}\S+@\S+\.\w+)/i, { extent: 'paragraph', maxLength: 400 }),
  rule('copyright', /^((©|\(c\))\s*\d{0,4}.{0,150}|copyright\s*(©|\(c\))?\s*\d{4}\b.{0,150}|.{0,150}\ball rights reserved\.?)$/i),
  rule('update-note', /^\((updates?|adds?|corrects?|recasts?|rewrites?|changes|refiles?|repeats?|fixes|removes|inserts?|clarifies|updated|edits)\b[^()]*(\([^()]*\)[^()]*)*\)$/i, { maxLength: 300 }),
  rule('share-subscribe', /^(share( this( article| story| page| post)?)?|share (on|via) [\w ,&+]{2,60}|share (this )?with (friends|others)|tweet( this)?|e-?mail( this( article| story)?)?|print( this( article| story| page)?)?|follow (us|\w+( \w+)?) on [\w ,&]{2,60}|subscribe( now| today| here)?( to [^.]{1,80})?|sign up (now|today|here|for|to)\b.{0,100}|click here\b.{0,100}|download (the|our) .{0,40}\bapp\b.{0,40}|get (the|our) (latest|daily|free|weekly) .{0,60}(newsletter|alerts|app)\b.{0,40}|join the conversation\b.{0,60}|like us on \w+|leave a comment|(\d+ )?comments?( \(\d+\))?)[.!:]?$/i, { maxLength: 160 }),
  rule('advert', /^(advertisement|advertising|ad|sponsored( content)?|story continues below( this ad| advertisement)?|continue reading( below| the main story)?|scroll to continue with content|skip advertisement|paid content)$/i),
  rule('media-caption', /^(image (caption|copyright|source)|media (playback|caption)|photo( credit)?:|pictured:|file photo\b|getty images$|(watch|listen):? .{0,80}\(\d+:\d\d\)$)/i),
  rule('credits', /^\(?((additional )?reporting|writing|editing|compiled|translated|graphics?) by\b.{0,250}\)?$/i, { maxLength: 300 }),
  rule('wire-signoff', /^(reuters?|\(?(ap|afp|dpa|upi)\)?)$/i),
  rule('date-line', DATE_LINE, { maxLength: 80 }),
  rule('byline', /^(By|BY|by)\s+\p{Lu}[\p{L}'.-]+(\s+\p{Lu}[\p{L}'.-]+){0,3}((,|\s+and)\s+\p{Lu}[\p{L}'.-]+(\s+\p{Lu}[\p{L}'.-]+){0,3})*$/u, { maxLength: 120 }),
  rule('author-bio', /^(\p{Lu}[\p{L}'.-]+ ){1,3}\p{Lu}[\p{L}'.-]+ is (a|an|the) ([^.]{0,120}? )?(correspondent|commentator|columnist|editor|writer|reporter|contributor|journalist|analyst|author)\b[^\n]{0,200}$/u, { where: 'last', maxLength: 400 }),
];

/** A paragraph ending in a photo credit: "(Name/Agency/Service)", "(Photo: ...)", "(AP Photo/...)". */
export const PHOTO_CREDIT = /\((?:[^()]{1,80}\/[^()]{1,80}|(?:photo|image|picture|foto)\b[^()]{0,80}|[^()]{0,60}\b(?:getty images|ap photo|afp|epa|shutterstock|reuters)[^()]{0,30})\)\s*$/i;

/** How many paragraphs at the top may be captions before the story starts. */
export const CAPTION_ZONE = 4;

/** A wire sign-off glued to the end of the last paragraph ("... said. Reuter"). */
export const TRAILING_SIGNOFF = /(?<=[.!?"'\u201d)\]])\s+(REUTERS?|Reuters?)\s*$/;
