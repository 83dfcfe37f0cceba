import type { Removal } from '../../src/model/article';

/** What a format parser makes of one article, before cleaning: the text and any metadata it carried. */
export interface Draft {
  /** the article text as the input holds it; offsets in the final article refer to this */
  original: string;
  /** ranges of `original` the parser knows are not story (a title line, markup) */
  removals?: Removal[];
  title?: string;
  source?: string;
  /** as found (ISO string, epoch, "Feb. 13, 2020"); parsed later */
  published?: unknown;
  url?: string;
  byline?: string;
  dateline?: string;
  /** 1-based line (JSON Lines) or position (JSON array) of the record */
  line?: number;
}
