import type { OffsetMap, Removal } from '../../src/model/article';
import { linesOf, paragraphsOf, type Block } from './blocks';
import { CAPTION_ZONE, LINE_RULES, PHOTO_CREDIT, TRAILING_SIGNOFF } from './boilerplate';
import { findPublishedDate } from './dates';
import { readLead } from './lead';
import { canonicalOutlet } from './outlets';
import { rebuild } from './rebuild';

export interface Cleaned {
  /** the story alone, normalised */
  text: string;
  offsets: OffsetMap;
  /** every piece of the original that is not in the text and why, in original order */
  removed: Removal[];
  /** metadata recognised in the text itself */
  source?: string;
  dateline?: string;
  published?: string;
}

export interface CleanOptions {
  /** ranges the reader already knows are not story (a title line, Markdown markup) */
  removals?: readonly Removal[];
}

/**
 * Cleans one article's text: drops what is not the story (captions, footers, contact lines,
 * sign-offs, share buttons), takes a dateline or agency tag off the front as metadata, and
 * normalises quotes, dashes and whitespace. A pure function of its input.
 */
export function cleanText(original: string, options: CleanOptions = {}): Cleaned {
  const removed: Removal[] = [...(options.removals ?? [])];
  const isRemoved = (block: Block): boolean => removed.some((r) => r.start <= block.start && r.end >= block.end);
  const remove = (start: number, end: number, rule: string): void => {
    removed.push({ start, end, rule });
  };

  const lines = linesOf(original);
  let paragraphs = paragraphsOf(original, lines).filter((p) => !isRemoved(p));
  const found: { source?: string; dateline?: string } = {};

  removeCaptions(paragraphs, remove);
  const footerSources: string[] = [];
  paragraphs = paragraphs.filter((p) => !isRemoved(p));
  let p = 0;
  let skipUntil = -1;
  for (const line of lines) {
    while (p < paragraphs.length && paragraphs[p]!.end < line.start) p++;
    const paragraph = paragraphs[p];
    // lines of paragraphs already removed, and the rest of a paragraph a rule took whole
    if (paragraph === undefined || line.start < paragraph.start || line.start < skipUntil) continue;
    const rule = LINE_RULES.find((r) => r.where === 'any' && line.text.length <= r.maxLength && r.pattern.test(line.text));
    if (rule === undefined) continue;
    remove(line.start, rule.extent === 'paragraph' ? paragraph.end : line.end, rule.name);
    if (rule.extent === 'paragraph') skipUntil = paragraph.end;
    const outlet = outletInFooter(rule.name, line.text);
    if (outlet) footerSources.push(outlet);
  }

  paragraphs = paragraphs.filter((p) => !isRemoved(p));
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined) {
    const bio = LINE_RULES.find((r) => r.where === 'last' && last.text.length <= r.maxLength && r.pattern.test(last.text));
    if (bio) {
      remove(last.start, last.end, bio.name);
      paragraphs.pop();
    }
  }
  const tail = paragraphs[paragraphs.length - 1];
  if (tail !== undefined) {
    const signoff = TRAILING_SIGNOFF.exec(tail.text);
    if (signoff) {
      remove(tail.start + signoff.index, tail.end, 'wire-signoff');
      footerSources.push(canonicalOutlet(signoff[1]!)!);
    }
  }

  const first = paragraphs[0];
  if (first !== undefined) {
    const lead = readLead(first.text);
    if (lead) {
      remove(first.start, first.start + lead.length, lead.dateline ? 'dateline' : lead.note ? 'update-note' : 'agency-tag');
      found.dateline = lead.dateline;
      found.source = lead.source;
    }
  }

  removed.sort((a, b) => a.start - b.start || a.end - b.end);
  const { text, offsets } = rebuild(original, removed);
  return {
    text,
    offsets,
    removed,
    source: found.source ?? footerSources[0],
    dateline: found.dateline,
    published: findPublishedDate(original),
  };
}

/**
 * Photo captions above the story: a paragraph that the next one repeats (with a credit added),
 * or a paragraph ending in a photo credit. Only before the story starts, so quoted credits in
 * the story stay.
 */
function removeCaptions(paragraphs: readonly Block[], remove: (start: number, end: number, rule: string) => void): void {
  const zone = Math.min(CAPTION_ZONE, paragraphs.length - 1);
  for (let i = 0; i < zone; i++) {
    const paragraph = paragraphs[i]!;
    if (readLead(paragraph.text)) return;
    const next = paragraphs[i + 1]!;
    if (paragraph.text.length >= 20 && squash(next.text).startsWith(squash(paragraph.text))) {
      remove(paragraph.start, paragraph.end, 'repeated-caption');
      remove(next.start, next.end, 'repeated-caption');
      i++;
    } else if (paragraph.text.length < 500 && PHOTO_CREDIT.test(paragraph.text)) {
      remove(paragraph.start, paragraph.end, 'photo-caption');
    } else {
      return;
    }
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The outlet a footer names: "Visit Deutsche Presse-Agentur GmbH (Hamburg) at www.dpa.de", "©2020 Bloomberg L.P." */
function outletInFooter(rule: string, line: string): string | undefined {
  if (rule === 'visit-footer') {
    const m = /^(?:visit|read more from|find more from|more from)\s+(.+?)\s+(?:at|on)\s+(?:www\.|https?:)/i.exec(line);
    return m ? canonicalOutlet(m[1]!) : undefined;
  }
  if (rule === 'copyright') {
    const m = /^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*\d{4}(?:\s*[-\u2013]\s*\d{4})?,?\s+(.+?)\.?\s*(?:all rights reserved.*)?$/i.exec(line);
    return m ? canonicalOutlet(m[1]!.replace(/\.$/, '')) : undefined;
  }
  if (rule === 'wire-signoff') return canonicalOutlet(line.replace(/[()]/g, ''));
  return undefined;
}
