import type { Driver } from 'neo4j-driver';
import { readOrStop } from './fatal';
import { ensureSchema } from './schema';

/** An entity as the graph holds it, for resolving new names against it. */
export interface GraphEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

// full-text matches kept per name: past a few, a lone word is ambiguous anyway
const MATCHES_PER_NAME = 25;

/**
 * Entities of the graph that may go by these names: full-text matches on name and aliases (the entity_names index),
 * of the same type. A superset; resolution decides which really are the same. The names are data: they reach Lucene
 * as quoted phrases inside a parameter, never as query syntax or Cypher.
 */
export async function entitiesNamed(
  driver: Driver,
  names: ReadonlyArray<{ name: string; type: string }>,
  options: { database?: string; files?: readonly string[] } = {},
): Promise<GraphEntity[]> {
  const probes = [...new Map(names.map((n) => [`${n.type}\u0000${n.name}`, { q: phrase(n.name), type: n.type }])).values()].filter((p) => p.q !== '');
  if (probes.length === 0) return [];
  return readOrStop(driver, options.files ?? [], options.database, async () => {
    // the index is made on first use, which may be this lookup, before anything was loaded
    await ensureSchema(driver, options.database);
    const { records } = await driver.executeQuery(
      `UNWIND $probes AS probe
       CALL db.index.fulltext.queryNodes('entity_names', probe.q, {limit: $limit}) YIELD node
       WITH node, probe WHERE node.type = probe.type
       RETURN DISTINCT node.id AS id, node.name AS name, node.type AS type, node.aliases AS aliases`,
      { probes, limit: MATCHES_PER_NAME },
      { database: options.database },
    );
    return records.map((r) => ({ id: r.get('id') as string, name: r.get('name') as string, type: r.get('type') as string, aliases: (r.get('aliases') as string[] | null) ?? [] }));
  });
}

/** Which of these entity ids the graph already holds. */
export async function entityIdsInGraph(driver: Driver, ids: readonly string[], options: { database?: string; files?: readonly string[] } = {}): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return readOrStop(driver, options.files ?? [], options.database, async () => {
    const { records } = await driver.executeQuery('MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id', { ids: [...ids] }, { database: options.database });
    return new Set(records.map((r) => r.get('id') as string));
  });
}

/** A name as one Lucene phrase: its words, without the two characters that could end a phrase early (quote, backslash). */
function phrase(name: string): string {
  const words = name.replace(/[\\"]/g, ' ').trim();
  return words === '' ? '' : `"${words}"`;
}
