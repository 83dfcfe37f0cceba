import neo4j, { Neo4jError, type Driver, type Node } from 'neo4j-driver';
import { Neo4jUnavailableError } from '../errors';
import { CypherError, QueryRefusedError, QueryTimeoutError } from './errors';
import { checkParams, toDriverParams } from './params';
import type { Preset } from './preset';
import { assertReadOnly } from './read-only';
import { ResultShaper, type QueryResult } from './shape';

/** Where queries go. */
export interface QueryTarget {
  driver: Driver;
  /** undefined: the server's default database */
  database?: string;
}

export interface ReadLimits {
  /** the server stops the transaction after this long */
  timeoutMs: number;
  /** records past this many are not read; the result says it was truncated */
  rowLimit: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { timeoutMs: 10_000, rowLimit: 1000 };

/** Runs a preset with the given parameters (checked, defaults filled in) in a READ transaction. */
export async function runPreset(target: QueryTarget, preset: Preset, given: Record<string, unknown>, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<QueryResult> {
  const values = checkParams(preset, given);
  const floats = new Set(preset.params.filter((p) => p.type === 'float').map((p) => p.name));
  return runRead(target, preset.cypher, toDriverParams(values, floats), limits);
}

/** Runs a user's own Cypher: refused up front when it writes or reaches outside the graph, then READ only. */
export async function runUserCypher(target: QueryTarget, cypher: string, params: Record<string, unknown> = {}, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<QueryResult> {
  assertReadOnly(cypher);
  return runRead(target, cypher, toDriverParams(params), limits);
}

/**
 * One query in a READ transaction with a server-side timeout. Records are pulled in batches no larger than the
 * row limit, and reading stops one past it, so a query matching millions of rows costs no more than the limit.
 */
export async function runRead(target: QueryTarget, cypher: string, params: Record<string, unknown>, limits: ReadLimits): Promise<QueryResult> {
  const session = target.driver.session({
    database: target.database,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: Math.max(1, Math.min(limits.rowLimit + 1, 1000)),
  });
  try {
    return await session.executeRead(
      async (tx) => {
        const result = tx.run(cypher, params);
        const shaper = new ResultShaper(await result.keys() as string[]);
        let count = 0;
        let truncated = false;
        for await (const record of result) {
          if (count === limits.rowLimit) {
            truncated = true;
            break;
          }
          shaper.add(record);
          count++;
        }
        const missing = shaper.missingEndpoints();
        if (missing.length > 0) {
          const ends = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
          shaper.addNodes(ends.records.map((r) => r.get('n') as Node));
        }
        return shaper.result(truncated);
      },
      { timeout: limits.timeoutMs },
    );
  } catch (error) {
    throw translate(error, limits);
  } finally {
    await session.close();
  }
}

/** Neo4j's errors as graphwire's: what the caller did wrong is a 4xx-kind error with Neo4j's own words. */
function translate(error: unknown, limits: ReadLimits): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (code === 'Neo.ClientError.Statement.AccessMode') {
    return new QueryRefusedError(`the query writes to the database, and only read queries run here (Neo4j: ${error.message})`, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new QueryTimeoutError(`the query ran longer than ${limits.timeoutMs / 1000} s and was stopped; narrow it, add a LIMIT, or raise the time limit`, { cause: error });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new Neo4jUnavailableError(`Neo4j is not answering: ${error.message}`, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.')) return new CypherError(code, error.message, { cause: error });
  return error;
}
