import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ExtractionDocument } from '../model/extraction';
import { APPEND_EVIDENCE, DERIVE_ENTITY_TEXT, DERIVE_FACT } from './cypher';
import { evidenceLists, newFactProperties } from './derive';
import { checkSpace, fatalKind, readOrStop, stopError, type StoreSpace } from './fatal';
import { retractInTransaction } from './retract';
import { batchContributions, splitByArticle, type ArticleContribution, type EvidenceRow } from './rows';
import { checkedIdentifier, ensureSchema } from './schema';

export interface LoadOptions {
  database?: string;
  /** most rows (articles, entities, mentions, evidence) per transaction */
  batchSize?: number;
  /** called after each batch with the number of articles handled so far */
  onProgress?: (done: number, total: number) => void;
  /** where the store is, when it is on this machine: the load stops before a batch once the disk is nearly full */
  store?: StoreSpace;
}

export interface LoadFailure {
  /** the articles the failed transaction held (ids and file names) */
  articles: Array<{ id: string; file: string }>;
  message: string;
}

export interface LoadSummary {
  articles: { new: number; unchanged: number; updated: number; failed: number };
  entities: { created: number; updated: number };
  relations: { created: number; updated: number };
  failures: LoadFailure[];
}

export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Writes an extraction document to Neo4j: batched UNWIND … MERGE, one transaction per batch, parameters only.
 * An article already in the graph is left alone; an edited version (same key, new id) replaces the old one.
 * A failing batch rolls back; its articles are then tried one by one, so one bad article never sinks the rest.
 * A lost server or a store that cannot be written (disk full, read-only) stops the load instead: retrying article by
 * article would fail every one the same way.
 */
export async function loadExtraction(driver: Driver, doc: ExtractionDocument, options: LoadOptions = {}): Promise<LoadSummary> {
  const stop = async (error: unknown, from: readonly ArticleContribution[]): Promise<unknown> => {
    const kind = fatalKind(error);
    return kind === undefined ? error : stopError(driver, kind, error, files(from), options.database);
  };
  const summary: LoadSummary = {
    articles: { new: 0, unchanged: 0, updated: 0, failed: 0 },
    entities: { created: 0, updated: 0 },
    relations: { created: 0, updated: 0 },
    failures: [],
  };
  const { contributions, problems } = splitByArticle(doc);
  checkSpace(options.store, () => files(contributions));
  try {
    await ensureSchema(driver, options.database);
  } catch (error) {
    throw await stop(error, contributions);
  }
  for (const p of problems) {
    summary.articles.failed++;
    summary.failures.push({ articles: [{ id: p.article, file: p.file }], message: p.message });
  }
  const total = contributions.length + problems.length;
  let done = problems.length;
  const session = driver.session({ database: options.database });
  try {
    for (const batch of batchContributions(contributions, options.batchSize ?? DEFAULT_BATCH_SIZE)) {
      checkSpace(options.store, () => files(contributions.slice(done - problems.length)));
      try {
        add(summary, await session.executeWrite((tx) => writeBatch(tx, batch)));
      } catch (error) {
        // the driver has already retried a lost connection with backoff; splitting the batch would only wait that long
        // again per article, and a store that cannot be written fails every article alike
        if (fatalKind(error)) throw await stop(error, contributions.slice(done - problems.length));
        if (batch.length === 1) {
          recordFailure(summary, batch, error);
        } else {
          // find the culprit: every other article of the rolled-back batch still loads
          for (const one of batch) {
            try {
              add(summary, await session.executeWrite((tx) => writeBatch(tx, [one])));
            } catch (single) {
              if (fatalKind(single)) throw await stop(single, contributions.slice(done - problems.length + batch.indexOf(one)));
              recordFailure(summary, [one], single);
            }
          }
        }
      }
      done += batch.length;
      options.onProgress?.(done, total);
    }
  } finally {
    await session.close();
  }
  return summary;
}

type BatchCounts = Omit<LoadSummary, 'failures'>;

async function writeBatch(tx: ManagedTransaction, batch: ArticleContribution[]): Promise<BatchCounts> {
  const counts: BatchCounts = {
    articles: { new: 0, unchanged: 0, updated: 0, failed: 0 },
    entities: { created: 0, updated: 0 },
    relations: { created: 0, updated: 0 },
  };
  const token = randomUUID();
  const now = new Date().toISOString();

  // Older versions of these documents (same key, other id) go first, inside this same transaction.
  // replan=skip on every loader query: a load changes the statistics fast enough that Neo4j would otherwise plan the
  // same queries again every few windows (≈ 0.2–0.6 s each); the index hints (and MERGE under a unique constraint)
  // keep a plan made on an empty graph from scanning labels once the graph is large
  const replaced = await tx.run(
    `CYPHER replan=skip
     UNWIND $rows AS row
     MATCH (old:Article {key: row.key}) USING INDEX old:Article(key)
     WHERE old.id <> row.id
     RETURN DISTINCT old.id AS old, row.id AS replacement`,
    { rows: batch.map((c) => ({ id: c.article.id, key: c.article.key })) },
  );
  const replacements = new Set<string>();
  for (const record of replaced.records) {
    await retractInTransaction(tx, record.get('old') as string);
    replacements.add(record.get('replacement') as string);
  }

  // MERGE under the unique constraint serialises concurrent loaders: only the transaction that created an
  // article writes its facts, so two processes loading the same article cannot add its evidence twice.
  const merged = await tx.run(
    `CYPHER replan=skip
     UNWIND $rows AS row
     MERGE (a:Article {id: row.id})
     ON CREATE SET a += row, a.ingestedAt = $now, a.loadId = $token
     RETURN a.id AS id, a.loadId = $token AS created`,
    { rows: batch.map((c) => c.article), now, token },
  );
  const created = new Set(merged.records.filter((r) => r.get('created') === true).map((r) => r.get('id') as string));
  const fresh = batch.filter((c) => created.has(c.article.id));
  counts.articles.unchanged = batch.length - fresh.length;
  counts.articles.updated = fresh.filter((c) => replacements.has(c.article.id)).length;
  counts.articles.new = fresh.length - counts.articles.updated;
  if (fresh.length === 0) return counts;

  await writeEntities(tx, fresh, counts);
  await writeFacts(tx, fresh, counts);
  return counts;
}

async function writeEntities(tx: ManagedTransaction, fresh: ArticleContribution[], counts: BatchCounts): Promise<void> {
  // one row per entity for the whole batch: its mentions summed, its aliases in order of first appearance
  interface EntityUpdate { id: string; labels: string; count: number; articles: number; aliases: string[]; created: Record<string, unknown> }
  const updates = new Map<string, EntityUpdate>();
  for (const c of fresh) {
    const labelsOf = new Map(c.entities.map((e) => [e.id, e]));
    for (const m of c.mentions) {
      const entity = labelsOf.get(m.entity)!;
      let u = updates.get(m.entity);
      if (!u) {
        const labels = entity.labels.map((l) => checkedIdentifier(l, 'entity label')).join(':');
        u = { id: m.entity, labels, count: 0, articles: 0, aliases: [entity.name], created: { name: entity.name, type: entity.type } };
        updates.set(m.entity, u);
      }
      u.count += m.count;
      u.articles += 1;
      for (const a of m.aliases) if (!u.aliases.includes(a)) u.aliases.push(a);
    }
  }
  const byLabels = new Map<string, EntityUpdate[]>();
  for (const u of updates.values()) {
    u.created = { ...u.created, aliases: u.aliases, mentionCount: u.count, articleCount: u.articles, factCount: 0, aliasText: u.aliases.join(' | ') };
    let group = byLabels.get(u.labels);
    if (!group) byLabels.set(u.labels, (group = []));
    group.push(u);
  }
  for (const [labels, group] of byLabels) {
    group.sort((a, b) => (a.id < b.id ? -1 : 1));
    // Existing entities take a write lock (SET e.__lock) before their counts are read: without it, two
    // concurrent loads could both read the old count and one increment would be lost.
    const result = await tx.run(
      `CYPHER replan=skip
       UNWIND $rows AS row
       MERGE (e:Entity {id: row.id})
       ON CREATE SET e += row.created
       ON MATCH SET e.__lock = true
       SET e:${labels}
       WITH e, row WHERE e.__lock
       SET e.mentionCount = e.mentionCount + row.count,
           e.articleCount = e.articleCount + row.articles,
           e.aliases = reduce(acc = e.aliases, x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
       ${DERIVE_ENTITY_TEXT}
       REMOVE e.__lock`,
      { rows: group.map(({ id, count, articles, aliases, created }) => ({ id, count, articles, aliases, created })) },
    );
    const createdNodes = result.summary.counters.updates().nodesCreated;
    counts.entities.created += createdNodes;
    counts.entities.updated += group.length - createdNodes;
  }

  await tx.run(
    `CYPHER replan=skip
     UNWIND $rows AS row
     MATCH (a:Article {id: row.article}) USING INDEX a:Article(id)
     MATCH (e:Entity {id: row.entity}) USING INDEX e:Entity(id)
     CREATE (a)-[:MENTIONS {count: row.count, aliases: row.aliases}]->(e)`,
    { rows: fresh.flatMap((c) => c.mentions.map((m) => ({ article: c.article.id, ...m }))) },
  );
}

async function writeFacts(tx: ManagedTransaction, fresh: ArticleContribution[], counts: BatchCounts): Promise<void> {
  // one row per fact for the whole batch, carrying all its new evidence
  const byFact = new Map<string, EvidenceRow[]>();
  for (const c of fresh) {
    for (const ev of c.evidence) {
      const key = `${ev.type}\u0000${ev.s}\u0000${ev.o}`;
      const rows = byFact.get(key);
      if (rows) rows.push(ev);
      else byFact.set(key, [ev]);
    }
  }
  const facts = [...byFact.values()].map((evidence, i) => {
    const first = evidence[0]!;
    return { i, type: first.type, s: first.s, o: first.o, text: first.text, props: Object.assign({}, ...evidence.map((e) => e.props)) as Record<string, unknown>, evidence };
  });
  if (facts.length === 0) return;

  // Which facts the graph already holds. writeEntities has write-locked both ends of every fact in this batch, so no
  // other load can add one of them before this transaction commits. One query for every type: planning the loader's
  // queries once per relationship type took longer than loading a window of real news.
  const existing = await tx.run(
    `CYPHER replan=skip
     UNWIND $rows AS row
     MATCH (s:Entity {id: row.s})-[r]->(o:Entity {id: row.o}) USING INDEX s:Entity(id) USING INDEX o:Entity(id)
     WHERE type(r) = row.type
     RETURN DISTINCT row.i AS i`,
    { rows: facts.map(({ i, type, s, o }) => ({ i, type, s, o })) },
  );
  const known = new Set(existing.records.map((r) => Number(r.get('i'))));

  // new facts: plain writes of properties computed here, one short query per type (CREATE takes no type parameter)
  const newByType = new Map<string, typeof facts>();
  for (const f of facts) {
    if (known.has(f.i)) continue;
    const list = newByType.get(f.type) ?? [];
    list.push(f);
    newByType.set(f.type, list);
  }
  const createdAt = new Map<string, number>();
  for (const [type, list] of newByType) {
    await tx.run(
      `CYPHER replan=skip
       UNWIND $rows AS row
       MATCH (s:Entity {id: row.s}) USING INDEX s:Entity(id)
       MATCH (o:Entity {id: row.o}) USING INDEX o:Entity(id)
       CREATE (s)-[r:${checkedIdentifier(type, 'relationship type')}]->(o)
       SET r = row.created`,
      { rows: list.map((f) => ({ s: f.s, o: f.o, created: newFactProperties(f.text, f.props, f.evidence) })) },
    );
    for (const f of list) for (const end of [f.s, f.o]) createdAt.set(end, (createdAt.get(end) ?? 0) + 1);
    counts.relations.created += list.length;
  }

  // facts already there: the new evidence appended to their lists, and what derives from the lists derived again
  const updates = facts.filter((f) => known.has(f.i));
  if (updates.length > 0) {
    await tx.run(
      `CYPHER replan=skip
       UNWIND $rows AS row
       MATCH (s:Entity {id: row.s})-[r]->(o:Entity {id: row.o}) USING INDEX s:Entity(id) USING INDEX o:Entity(id)
       WHERE type(r) = row.type
       SET r += row.props
       SET ${APPEND_EVIDENCE}
       WITH r
       ${DERIVE_FACT}`,
      { rows: updates.map((f) => ({ type: f.type, s: f.s, o: f.o, props: f.props, append: evidenceLists(f.evidence) })) },
    );
    counts.relations.updated += updates.length;
  }

  // one write per entity and batch keeps the factCount index churn down; the ends are locked, so no update is lost
  if (createdAt.size > 0) {
    await tx.run(
      `CYPHER replan=skip
       UNWIND $rows AS row
       MATCH (e:Entity {id: row.id}) USING INDEX e:Entity(id)
       SET e.factCount = e.factCount + row.created`,
      { rows: [...createdAt].map(([id, created]) => ({ id, created })) },
    );
  }
}

function add(summary: LoadSummary, counts: BatchCounts): void {
  summary.articles.new += counts.articles.new;
  summary.articles.unchanged += counts.articles.unchanged;
  summary.articles.updated += counts.articles.updated;
  summary.entities.created += counts.entities.created;
  summary.entities.updated += counts.entities.updated;
  summary.relations.created += counts.relations.created;
  summary.relations.updated += counts.relations.updated;
}

function recordFailure(summary: LoadSummary, batch: ArticleContribution[], error: unknown): void {
  summary.articles.failed += batch.length;
  summary.failures.push({
    articles: batch.map((c) => ({ id: c.article.id, file: c.article.file })),
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Which of these article ids the graph already holds (an ingest skips extracting them). A lost connection or a store
 * that cannot be written stops the ingest the way it stops a load: naming the articles not loaded.
 */
export async function knownArticleIds(
  driver: Driver,
  articles: ReadonlyArray<{ id: string; file: string }>,
  options: { database?: string } = {},
): Promise<Set<string>> {
  return readOrStop(driver, articles.map((a) => a.file), options.database, async () => {
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id',
      { ids: articles.map((a) => a.id) },
      { database: options.database },
    );
    return new Set(records.map((r) => r.get('id') as string));
  });
}

function files(contributions: readonly ArticleContribution[]): string[] {
  return contributions.map((c) => c.article.file);
}
