import type { ArticleInfo, Json, ParamValue, PresetInfo, QueryResult } from './types';

/** The HTTP API as the viewer calls it. A server started with a token gets it from the user once per tab. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'graphwire.token';

function headers(json: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (json) out['content-type'] = 'application/json';
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) out.authorization = `Bearer ${token}`;
  return out;
}

async function send(method: 'GET' | 'POST', url: string, body?: unknown): Promise<Response> {
  const init = (): RequestInit => ({ method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
  let response = await fetch(url, init());
  if (response.status === 401) {
    const token = window.prompt('This graphwire server needs its API token:');
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token.trim());
      response = await fetch(url, init());
    }
  }
  if (!response.ok) {
    let code = 'http_error';
    let message = `${method} ${url} answered ${response.status}`;
    try {
      const answer = (await response.json()) as { error?: string; message?: string };
      code = answer.error ?? code;
      message = answer.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, code, message);
  }
  return response;
}

async function json<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  return (await send(method, url, body)).json() as Promise<T>;
}

export const api = {
  health: () => json<{ status: string }>('GET', '/api/health'),
  presets: async () => (await json<{ presets: PresetInfo[] }>('GET', '/api/presets')).presets,
  runPreset: (name: string, params: Record<string, ParamValue>) => json<QueryResult>('POST', `/api/presets/${encodeURIComponent(name)}`, params),
  cypher: (cypher: string, params: Record<string, Json> = {}) => json<QueryResult>('POST', '/api/cypher', { cypher, params }),
  search: (q: string, limit = 8) => json<QueryResult>('GET', `/api/entities?q=${encodeURIComponent(q)}&limit=${limit}`),
  entity: (id: string) => json<QueryResult>('GET', `/api/entity/${encodeURIComponent(id)}`),
  /** the whole graph in one of the server's export formats */
  exportGraph: async (format: 'graphml' | 'gexf' | 'json' | 'csv') => (await send('GET', `/api/export/${format}`)).blob(),
};

/** The entities in the most facts, and the facts between them: what the viewer opens on. */
export const OVERVIEW_CYPHER = `MATCH (e:Entity)
WITH e, COUNT { (e)--(:Entity) } AS facts
ORDER BY facts DESC, e.mentionCount DESC, e.name
LIMIT $limit
WITH collect(e) AS top
UNWIND top AS a
OPTIONAL MATCH (a)-[fact]->(b:Entity) WHERE b IN top
RETURN a, fact, b`;

/** Every article mentioning one entity, newest first. */
export const ENTITY_ARTICLES_CYPHER = `MATCH (a:Article)-[m:MENTIONS]->(:Entity {id: $id})
RETURN a.id AS id, a.title AS title, a.source AS source, a.published AS published, a.url AS url, m.count AS mentions
ORDER BY a.published DESC, a.title
LIMIT 200`;

/** Metadata of some articles, as scalar columns so no article node lands in the graph. */
export const ARTICLES_CYPHER = `MATCH (a:Article) WHERE a.id IN $ids
RETURN a.id AS id, a.title AS title, a.source AS source, a.published AS published, a.url AS url`;

export function articleOfRow(row: Record<string, Json>): ArticleInfo {
  const str = (v: Json | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { id: String(row.id), title: str(row.title), source: str(row.source), published: str(row.published), url: str(row.url) };
}
