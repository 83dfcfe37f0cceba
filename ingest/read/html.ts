import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../../src/errors';
import type { Draft } from './draft';

/**
 * A saved news page: the body found by Readability (Firefox's reader view) on a linkedom DOM,
 * metadata from JSON-LD NewsArticle, Open Graph and other meta tags, and the page's <article>.
 * linkedom rather than jsdom: Readability needs only a plain DOM, and linkedom builds one several
 * times faster with a fraction of jsdom's dependencies.
 */
export function parseHtml(html: string, file: string): Draft {
  const { document } = parseHTML(html) as unknown as { document: Doc };
  if (nestingDepth(document.documentElement) > MAX_DEPTH) {
    throw new InputError(file, `HTML elements nested more than ${MAX_DEPTH} deep; a news page never is, so it is not read`);
  }
  const meta = readMetadata(document);
  dropNoise(document);

  const parsed = new Readability(document as never, { serializer: (node: unknown) => node as El, charThreshold: 200 }).parse();
  let body = parsed?.content ? textOf(parsed.content as El) : '';
  if (words(body) < MIN_WORDS && meta.articleBody && words(meta.articleBody) >= MIN_WORDS) body = meta.articleBody;
  if (words(body) < MIN_WORDS) {
    throw new InputError(file, `no article body found in the HTML (fewer than ${MIN_WORDS} words of text outside navigation, comments and ads)`);
  }
  return {
    original: body,
    title: clean(meta.title ?? parsed?.title ?? undefined),
    source: clean(meta.source ?? parsed?.siteName ?? undefined),
    published: meta.published ?? parsed?.publishedTime ?? undefined,
    byline: clean(meta.byline ?? parsed?.byline ?? undefined),
    url: meta.url,
  };
}

/**
 * Deepest element nesting read. Real pages stay under a hundred; Readability's scoring walks the text of every
 * ancestor, so a hostile page nested 20,000 deep took over 10 s and then overflowed the stack.
 */
const MAX_DEPTH = 512;

/** How deep elements nest below `root` (counting stops just past MAX_DEPTH), walked without recursion. */
function nestingDepth(root: Node_ | null): number {
  if (root === null) return 0;
  let deepest = 0;
  const stack: Array<[Node_, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) break;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Under this many words a page holds no story, only page furniture. */
const MIN_WORDS = 25;

/** The few DOM members used here; the project compiles without the DOM library types. */
interface Node_ {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node_>;
}
interface El extends Node_ {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
  remove(): void;
}
interface Doc {
  title: string;
  documentElement: El;
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
}

interface PageMetadata {
  title?: string;
  source?: string;
  published?: string;
  byline?: string;
  url?: string;
  articleBody?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|Report|LiveBlogPosting)$/;

function readMetadata(document: Doc): PageMetadata {
  const ld = jsonLdArticle(document);
  const metaContent = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = el?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const article = document.querySelector('article');
  const time = (article ?? document).querySelector('time[datetime], [itemprop="datePublished"]');
  const bylineEl = (article ?? document).querySelector('[rel="author"], [itemprop="author"], .byline, .author');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const headline = article?.querySelector('h1')?.textContent ?? document.querySelector('h1')?.textContent ?? undefined;

  return {
    title: str(ld?.headline) ?? metaContent('og:title', 'twitter:title', 'headline') ?? clean(headline) ?? clean(document.title),
    source: nameOf(ld?.publisher) ?? metaContent('og:site_name', 'application-name', 'publisher', 'article:publisher'),
    published:
      str(ld?.datePublished) ??
      metaContent('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'parsely-pub-date', 'sailthru.date', 'og:published_time') ??
      time?.getAttribute('datetime') ??
      time?.getAttribute('content') ??
      undefined,
    byline: authorsOf(ld?.author) ?? metaContent('author', 'article:author', 'byl') ?? clean(bylineEl?.textContent ?? undefined),
    url: canonical ?? metaContent('og:url') ?? str(ld?.url) ?? idOf(ld?.mainEntityOfPage),
    articleBody: str(ld?.articleBody),
  };
}

type Json = Record<string, unknown>;

/** The first JSON-LD object typed as a (news) article, looking inside @graph and arrays. */
function jsonLdArticle(document: Doc): Json | undefined {
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]'));
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common and not the reader's problem
    }
    const stack: unknown[] = [data];
    while (stack.length > 0) {
      const item = stack.pop();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        const types = ([] as unknown[]).concat(obj['@type'] ?? []);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return obj;
        if (obj['@graph']) stack.push(obj['@graph']);
      }
    }
  }
  return undefined;
}

const NOISE_TAGS = 'script, style, noscript, template, iframe, svg, canvas, form, button, nav, aside, footer, figure, figcaption, dialog, [hidden], [aria-hidden="true"], [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"]';
const NOISE_NAME = /(^|[\s_-])(comments?|comment-list|related|share|sharing|social|newsletter|promo|advert|advertisement|ads?|ad-slot|sponsor(ed)?|recommend(ed|ations)?|subscribe|subscription|paywall|cookie|consent|popup|modal|breadcrumbs?|outbrain|taboola|most-read|trending|tags|topics|site-header|site-footer|masthead|toolbar)([\s_-]|$)/i;

/** Removes what is page furniture before Readability scores the rest. */
function dropNoise(document: Doc): void {
  for (const el of Array.from(document.querySelectorAll(NOISE_TAGS))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    // the article itself may carry words like "share" in a class; never drop the body or <article>
    if (el.tagName === 'ARTICLE' || el.tagName === 'BODY' || el.tagName === 'MAIN') continue;
    if (!NOISE_NAME.test(name)) continue;
    // a container holding many paragraphs is likely the story with an unlucky class name
    // ("story share-enabled"); comment threads are dropped however long they are
    if (el.querySelectorAll('p').length >= 3 && !/comment/i.test(name)) continue;
    el.remove();
  }
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'DL', 'DT', 'DD', 'HR', 'ADDRESS']);

/** The text of an element, one paragraph per block element, whitespace as a browser shows it. */
function textOf(root: El): string {
  const parts: string[] = [];
  const walk = (node: Node_): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n\n');
    else if (name === 'TD' || name === 'TH') parts.push(' ');
  };
  walk(root);
  return parts
    .join('')
    .replace(/[^\S\n]*\n[^\S\n]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return str((value as Json).name);
  return str(value);
}

function authorsOf(value: unknown): string | undefined {
  const names = ([] as unknown[]).concat(value ?? []).map(nameOf).filter((n): n is string => n !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') return str((value as Json)['@id']) ?? str((value as Json).url);
  return str(value);
}
