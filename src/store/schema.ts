import type { Driver } from 'neo4j-driver';

/** Constraints and indexes the loader and the presets rely on; each statement is idempotent. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE',
  'CREATE INDEX article_key IF NOT EXISTS FOR (a:Article) ON (a.key)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)',
  // lets "most mentioned" presets read entities in index order and stop at their limit
  'CREATE INDEX entity_mentions IF NOT EXISTS FOR (e:Entity) ON (e.mentionCount)',
  // the same for "most connected": factCount is kept by the loader
  'CREATE INDEX entity_facts IF NOT EXISTS FOR (e:Entity) ON (e.factCount)',
  'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText]',
];

const ensured = new WeakMap<Driver, Set<string>>();

/** Creates the constraints and indexes once per driver and database, and waits until they are online. */
export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  const key = database ?? '';
  const done = ensured.get(driver) ?? new Set<string>();
  if (done.has(key)) return;
  for (const statement of SCHEMA_STATEMENTS) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  done.add(key);
  ensured.set(driver, done);
}

/** Labels and relationship types come from the schema, never from article text; still, only plain identifiers pass. */
export function checkedIdentifier(name: string, what: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`${what} "${name}" is not a plain identifier (letters, digits, underscore)`);
  }
  return `\`${name}\``;
}
