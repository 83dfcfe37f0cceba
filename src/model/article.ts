/**
 * An article as the ingest pipeline hands it on: the story text only, cleaned, with the metadata
 * found around it and a map back to the text as it was read. Plain data, so every stage can be
 * tested without setup and the whole thing serialises as JSON.
 */

/** The shapes of input graphwire reads (a `.gz` of any of them is read as the inner format). */
export type InputFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl';

/**
 * One stretch where cleaned and original text advance together: for every k in [0, length),
 * cleaned[at + k] is original[from + k], up to the 1:1 normalisation of quotes, dashes and spaces.
 */
export interface OffsetRun {
  /** offset in the cleaned text */
  at: number;
  /** offset in the original text */
  from: number;
  length: number;
}

/** Maps each cleaned offset back to the original; runs are sorted by `at` and cover the cleaned text. */
export interface OffsetMap {
  runs: OffsetRun[];
}

/** A piece of the original text that cleaning dropped, and the rule that dropped it. */
export interface Removal {
  /** [start, end) in the original text */
  start: number;
  end: number;
  rule: string;
}

export interface Article {
  /** hash of the cleaned text: the same story read twice gets the same id */
  id: string;
  /** the headline; when the input gives none, the story's first sentence, shortened */
  title?: string;
  /** the outlet or agency ("dpa", "Bloomberg"), from metadata or recognised in the text */
  source?: string;
  /** publication date as YYYY-MM-DD, from metadata or a full date written in the article */
  published?: string;
  /**
   * where `published` came from: "metadata", "text" (a full date written in the article), or
   * "inferred: same story as FILE (id ID), weekday DAY, similarity S" (a dated report of the same story read
   * in the same run); absent with no date
   */
  publishedFrom?: string;
  /** the dateline place ("Brussels"), taken off the front of the story */
  dateline?: string;
  byline?: string;
  url?: string;
  /** base name of the input file ("-" for standard input) */
  file: string;
  /** the input path as given or found ("-" for standard input) */
  path: string;
  /** 1-based line of a JSON Lines input, or index+1 in a JSON array */
  line?: number;
  format: InputFormat;
  /** the story, cleaned: what later stages read and what offsets refer to */
  text: string;
  /** the text as read (a .txt/.md file whole; the extracted body of HTML; the text field of JSON) */
  original: string;
  offsets: OffsetMap;
  removed: Removal[];
}
