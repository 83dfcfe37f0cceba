/**
 * Cypher shared by loading and retraction. Facts keep their evidence in parallel lists (docs/data-model.md);
 * everything else on a fact is derived from those lists here, so both paths agree by construction.
 */

/** The evidence lists of a fact, in the order rows append to them. */
export const EVIDENCE_LISTS = [
  ['evidenceArticle', 'article'],
  ['evidenceSource', 'source'],
  ['evidenceSentence', 'sentence'],
  ['evidenceStart', 'start'],
  ['evidenceEnd', 'end'],
  ['evidenceText', 'evidenceText'],
  ['evidenceConfidence', 'confidence'],
  ['evidenceDate', 'date'],
  ['evidenceSubjectStart', 'subjectStart'],
  ['evidenceSubjectEnd', 'subjectEnd'],
  ['evidenceObjectStart', 'objectStart'],
  ['evidenceObjectEnd', 'objectEnd'],
  ['evidenceQuote', 'quote'],
] as const;

const distinct = (list: string, skipEmpty = false): string =>
  `reduce(acc = [], x IN ${list} | CASE WHEN ${skipEmpty ? "x = '' OR " : ''}x IN acc THEN acc ELSE acc + x END)`;

/** Recomputes a fact's summary properties from its evidence lists (variable `r`). */
export const DERIVE_FACT = `
SET r.articles = ${distinct('r.evidenceArticle')},
    r.texts = ${distinct('r.evidenceText')},
    r.sourceNames = ${distinct('r.evidenceSource', true)},
    r.confidence = reduce(m = 0.0, x IN r.evidenceConfidence | CASE WHEN x > m THEN x ELSE m END),
    r.evidenceCount = size(r.evidenceArticle),
    r.dates = COLLECT { UNWIND ${distinct('r.evidenceDate', true)} AS d RETURN d ORDER BY d }
SET r.sources = size(r.sourceNames)
      + size(reduce(acc = [], i IN range(0, size(r.evidenceArticle) - 1) |
          CASE WHEN r.evidenceSource[i] = '' AND NOT r.evidenceArticle[i] IN acc THEN acc + r.evidenceArticle[i] ELSE acc END)),
    r.firstDate = r.dates[0],
    r.lastDate = r.dates[-1]`;

/** Keeps an entity's display fields in step with its aliases (variable `e`). */
export const DERIVE_ENTITY_TEXT = `
SET e.aliasText = reduce(s = '', x IN e.aliases | CASE WHEN s = '' THEN x ELSE s + ' | ' + x END)`;

/** Appends a row's evidence lists (`row.append`, as evidenceLists() builds them) to an existing fact's lists. */
export const APPEND_EVIDENCE = EVIDENCE_LISTS.map(([list]) => `r.${list} = r.${list} + row.append.${list}`).join(',\n    ');

/** Drops every evidence entry of article $article from a fact's lists. */
export const DROP_ARTICLE_EVIDENCE = `
WITH r, [i IN range(0, size(r.evidenceArticle) - 1) WHERE r.evidenceArticle[i] <> $article] AS keep
SET ${EVIDENCE_LISTS.map(([list]) => `r.${list} = [i IN keep | r.${list}[i]]`).join(',\n    ')}`;
