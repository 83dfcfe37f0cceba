/**
 * Word-level evidence learnt from unlabelled news: a cluster path per word (hierarchical, Brown-style bit
 * strings, built by scripts/clusters-build.ts) and how often each lower-cased word is written with a
 * capital in mid-sentence (which tells a name from a common word at the start of a sentence or in an
 * all-capitals headline).
 */
export interface Lexicon {
  /** word (as written) -> bit-string path in the cluster tree */
  clusters: Map<string, string>;
  /** lower-cased word -> share of mid-sentence uses that are capitalised, in tenths (0..10) */
  capitalised: Map<string, number>;
}

export function emptyLexicon(): Lexicon {
  return { clusters: new Map(), capitalised: new Map() };
}

/** Parses the tab-separated lexicon file: "c\tword\tpath" and "k\tword\ttenths" lines. */
export function parseLexicon(text: string): Lexicon {
  const lexicon = emptyLexicon();
  for (const line of text.split('\n')) {
    if (line.length < 3) continue;
    const a = line.indexOf('\t', 2);
    const word = line.slice(2, a);
    const value = line.slice(a + 1);
    if (line[0] === 'c') lexicon.clusters.set(word, value);
    else if (line[0] === 'k') lexicon.capitalised.set(word, Number(value));
  }
  return lexicon;
}

export function formatLexicon(lexicon: Lexicon): string {
  const lines: string[] = [];
  for (const [w, p] of lexicon.clusters) lines.push(`c\t${w}\t${p}`);
  for (const [w, k] of lexicon.capitalised) lines.push(`k\t${w}\t${k}`);
  return lines.join('\n') + '\n';
}

/** Cluster path of a word, trying its exact form, then title case (for ALL-CAPS headlines), then lower case. */
export function clusterOf(lexicon: Lexicon, word: string, lower: string): string | undefined {
  const exact = lexicon.clusters.get(word);
  if (exact !== undefined) return exact;
  if (word !== lower) {
    const title = lower.charAt(0).toUpperCase() + lower.slice(1);
    return lexicon.clusters.get(title) ?? lexicon.clusters.get(lower);
  }
  return undefined;
}
