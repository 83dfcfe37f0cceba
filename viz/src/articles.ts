import { api, articleOfRow, ARTICLES_CYPHER } from './api';
import type { ArticleInfo } from './types';

/** Article titles, outlets and dates, fetched once per article for the evidence panel and the date filter. */
export class ArticleCache {
  private readonly known = new Map<string, ArticleInfo>();

  get(id: string): ArticleInfo | undefined {
    return this.known.get(id);
  }

  readonly publishedOf = (id: string): string | undefined => this.known.get(id)?.published ?? undefined;

  remember(article: ArticleInfo): void {
    this.known.set(article.id, article);
  }

  async ensure(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    // well under the server's row limit per request
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      const result = await api.cypher(ARTICLES_CYPHER, { ids: chunk });
      for (const row of result.rows) this.remember(articleOfRow(row));
      // an id the graph names but no article has (retracted since) is remembered as unknown, not asked again
      for (const id of chunk) if (!this.known.has(id)) this.known.set(id, { id, title: null, source: null, published: null, url: null });
    }
  }
}
