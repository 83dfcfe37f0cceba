import type { ExtractionDocument, ExtractedArticle } from '../model/extraction';

/** Properties of one Article node, as written. */
export interface ArticleRow {
  id: string;
  key: string;
  file: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  publishedFrom: string | null;
  dateline: string | null;
  byline: string | null;
}

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  /** the type label plus any extra labels, e.g. ["Location", "Country"] */
  labels: string[];
}

export interface MentionRow {
  entity: string;
  count: number;
  aliases: string[];
}

/** One evidence sentence of one fact, as the loader appends it to the fact's parallel lists. */
export interface EvidenceRow {
  s: string;
  o: string;
  type: string;
  text: string;
  props: Record<string, string | number | boolean>;
  article: string;
  /** the article's outlet, "" when unknown */
  source: string;
  sentence: string;
  start: number;
  end: number;
  evidenceText: string;
  confidence: number;
  date: string;
  subjectStart: number;
  subjectEnd: number;
  objectStart: number;
  objectEnd: number;
  quote: string;
}

/** Everything one article contributes: the unit that loads, fails or is retracted as a whole. */
export interface ArticleContribution {
  article: ArticleRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  evidence: EvidenceRow[];
  /** rows this article adds to a transaction, for batching */
  size: number;
}

export interface ContributionProblem {
  article: string;
  file: string;
  message: string;
}

/**
 * Splits an extraction document into per-article contributions. An article whose facts do not hold together
 * (a fact naming an entity the document lacks, or one the article does not mention) is a problem, not a contribution.
 */
export function splitByArticle(doc: ExtractionDocument): { contributions: ArticleContribution[]; problems: ContributionProblem[] } {
  const articles = new Map<string, ExtractedArticle>();
  for (const a of doc.articles) if (!articles.has(a.id)) articles.set(a.id, a);
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const byArticle = new Map<string, ArticleContribution>();
  const broken = new Map<string, string>();
  for (const a of articles.values()) {
    byArticle.set(a.id, { article: articleRow(a), entities: [], mentions: [], evidence: [], size: 1 });
  }

  const mentioned = new Map<string, Set<string>>();
  for (const entity of doc.entities) {
    const labels = [entity.type, ...(entity.labels ?? []).filter((l) => l !== entity.type && l !== 'Entity')];
    const mentions = entity.mentions ?? entity.articles.map((article) => ({ article, count: 1, aliases: entity.aliases }));
    for (const m of mentions) {
      const contribution = byArticle.get(m.article);
      if (!contribution) continue;
      contribution.entities.push({ id: entity.id, name: entity.name, type: entity.type, labels });
      contribution.mentions.push({ entity: entity.id, count: Math.max(1, Math.round(m.count)), aliases: unique(m.aliases.length ? m.aliases : [entity.name]) });
      contribution.size += 2;
      let set = mentioned.get(m.article);
      if (!set) mentioned.set(m.article, (set = new Set()));
      set.add(entity.id);
    }
  }

  for (const relation of doc.relations) {
    for (const ev of relation.evidence) {
      const contribution = byArticle.get(ev.article);
      if (!contribution) continue;
      const missing = [relation.subject, relation.object].find((id) => !entities.has(id));
      if (missing !== undefined) {
        broken.set(ev.article, `fact ${relation.subject} ${relation.predicate} ${relation.object} names entity ${missing}, which the document does not define`);
        continue;
      }
      const unmentioned = [relation.subject, relation.object].find((id) => !mentioned.get(ev.article)?.has(id));
      if (unmentioned !== undefined) {
        broken.set(ev.article, `fact ${relation.subject} ${relation.predicate} ${relation.object} cites the article as evidence, but the article does not mention ${unmentioned}`);
        continue;
      }
      contribution.evidence.push({
        s: relation.subject,
        o: relation.object,
        type: relation.predicate,
        text: relation.text,
        props: relation.properties ?? {},
        article: ev.article,
        source: contribution.article.source ?? '',
        sentence: ev.sentence,
        start: ev.start,
        end: ev.end,
        evidenceText: ev.text ?? relation.text,
        confidence: ev.confidence ?? relation.confidence,
        date: ev.date ?? '',
        subjectStart: ev.subjectSpan?.[0] ?? -1,
        subjectEnd: ev.subjectSpan?.[1] ?? -1,
        objectStart: ev.objectSpan?.[0] ?? -1,
        objectEnd: ev.objectSpan?.[1] ?? -1,
        quote: ev.quote ?? '',
      });
      contribution.size += 1;
    }
  }

  const contributions: ArticleContribution[] = [];
  const problems: ContributionProblem[] = [];
  for (const [id, contribution] of byArticle) {
    const problem = broken.get(id);
    if (problem === undefined) contributions.push(contribution);
    else problems.push({ article: id, file: contribution.article.file, message: problem });
  }
  return { contributions, problems };
}

/** Groups contributions into batches of at most `maxRows` rows (an article larger than that is a batch alone). */
export function batchContributions(contributions: ArticleContribution[], maxRows: number): ArticleContribution[][] {
  const batches: ArticleContribution[][] = [];
  let current: ArticleContribution[] = [];
  let rows = 0;
  for (const c of contributions) {
    if (current.length > 0 && rows + c.size > maxRows) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(c);
    rows += c.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function articleRow(a: ExtractedArticle): ArticleRow {
  return {
    id: a.id,
    // never the bare file name: two different articles called article.txt must not replace each other
    key: a.key ?? a.url ?? a.id,
    file: a.file,
    title: a.title ?? null,
    source: a.source ?? null,
    url: a.url ?? null,
    published: a.published ?? null,
    publishedFrom: a.publishedFrom ?? null,
    dateline: a.dateline ?? null,
    byline: a.byline ?? null,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
