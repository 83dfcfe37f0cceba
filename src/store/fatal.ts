import * as fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { Neo4jUnavailableError } from '../errors';

/** The store's folder, when it is on this machine (the bundled server), and the free space a load leaves there. */
export interface StoreSpace {
  dir: string;
  /** default DEFAULT_RESERVE_BYTES */
  reserveBytes?: number;
}

/** Room for many of the largest transactions a load writes (5,000 rows: a few MB of transaction log). */
export const DEFAULT_RESERVE_BYTES = 64 * 1024 * 1024;

/** Why a load cannot go on, whatever the data: the server is gone, or it cannot write its store. */
export type Fatal = 'connection' | 'store';

/** Codes of a server that is gone or not serving the database, as opposed to a problem with the data. */
const CONNECTION_LOST = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Codes of a database that cannot write its store. With a full disk Neo4j 5.26 answers TransactionLogError to the
 * commit that hit it, then panics: TransactionStartFailed ("needs to be restarted") for every later transaction,
 * reads included, until it is restarted. Retrying such a batch article by article would only fail each one.
 */
const STORE_FAILED = new Set([
  'Neo.DatabaseError.Transaction.TransactionLogError',
  'Neo.DatabaseError.Transaction.TransactionStartFailed',
  'Neo.DatabaseError.Transaction.TransactionCommitFailed',
  'Neo.DatabaseError.General.StorageDamageDetected',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
  'Neo.ClientError.General.WriteOnReadOnlyAccessDatabase',
]);

/** The operating system's words for the same, should they reach the message of some other code. */
const STORE_FAILED_TEXT = /no space left on device|disk quota exceeded|read-only file system|input\/output error/i;

export function fatalKind(error: unknown): Fatal | undefined {
  const code = String((error as { code?: unknown } | undefined)?.code);
  if (CONNECTION_LOST.has(code)) return 'connection';
  if (STORE_FAILED.has(code)) return 'store';
  if (code.startsWith('Neo.') && STORE_FAILED_TEXT.test(String((error as Error).message))) return 'store';
  return undefined;
}

/**
 * Stops the load before the next batch when the store's disk is nearly full. Neo4j that runs out of disk in the middle
 * of a commit panics until restarted, and its shutdown was seen to leave a transaction log it could not recover from;
 * stopping first keeps the server healthy, so freeing space and running the same command again is all it takes.
 */
export function checkSpace(store: StoreSpace | undefined, notLoaded: () => readonly string[]): void {
  if (store === undefined) return;
  const reserve = store.reserveBytes ?? DEFAULT_RESERVE_BYTES;
  let free: number;
  try {
    const disk = fs.statfsSync(store.dir);
    free = disk.bavail * disk.bsize;
  } catch {
    return; // cannot tell: Neo4j's own errors remain
  }
  if (free >= reserve) return;
  const files = notLoaded();
  throw new Neo4jUnavailableError(
    `only ${megabytes(free)} free on the disk holding ${store.dir}, the Neo4j data folder (a load leaves ${megabytes(reserve)} free: ` +
      `Neo4j running out of disk mid-write can damage its transaction log), so the load stopped. ` +
      `${files.length} article(s) not loaded: ${list(files)}. Articles loaded before stay loaded. ` +
      'Free disk space there, then run the same command again: articles already loaded are skipped.',
  );
}

function megabytes(bytes: number): string {
  // rounded down: 63.99 MB free must not read as the 64.0 MB asked for
  return `${(Math.floor((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
}

function list(files: readonly string[]): string {
  return files.length > 10 ? `${files.slice(0, 10).join(', ')} and ${files.length - 10} more` : files.join(', ');
}

/**
 * The error that stops a load, naming every article from the failed transaction on; loading them again later is safe.
 * For a store failure the server is asked why (a database's status message, e.g. "No space left on device") and
 * where its data lives, so the message can say what to free or fix.
 */
export async function stopError(
  driver: Driver,
  kind: Fatal,
  error: unknown,
  notLoaded: readonly string[],
  database: string | undefined,
): Promise<Neo4jUnavailableError> {
  const named = list(notLoaded);
  // "Could not append transaction: Transaction #76 {started …, 1237 commands, …} to log.": the braces say nothing to people
  const problem = `${(error as { code?: unknown }).code}: ${(error as Error).message.replace(/\s*\{[^{}]*\}/g, '')}`;
  if (kind === 'connection') {
    return new Neo4jUnavailableError(
      `lost the connection to Neo4j and gave up after retrying (${(error as Error).message}); ${notLoaded.length} article(s) not loaded: ${named}. ` +
        'Run the same command again once Neo4j is back: articles already loaded are skipped.',
      { cause: error },
    );
  }
  const { status, dataDir } = await diagnose(driver, database);
  const why = [status || undefined, dataDir ? `data folder ${dataDir}` : undefined].filter(Boolean).join('; ');
  return new Neo4jUnavailableError(
    `Neo4j cannot write to its database${why ? ` (${why})` : ''}, so the load stopped (${problem}). ` +
      `${notLoaded.length} article(s) not loaded: ${named}. Articles loaded before stay loaded. ` +
      'First free disk space there or make the folder writable, then restart Neo4j (the bundled one: graphwire neo4j stop; the next command starts it), ' +
      'and run the same command again: articles already loaded are skipped.',
    { cause: error },
  );
}

/**
 * A read an ingest makes between loads (articles already there, names already there): a lost connection or a store
 * that cannot be written stops it the way it stops a load, naming the articles not loaded.
 */
export async function readOrStop<T>(driver: Driver, notLoaded: readonly string[], database: string | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const kind = fatalKind(error);
    if (kind) throw await stopError(driver, kind, error, notLoaded, database);
    throw error;
  }
}

const DIAGNOSE_MS = 5000;

/** Best effort, bounded: a server that cannot answer this still gets a message, just a vaguer one. */
async function diagnose(driver: Driver, database: string | undefined): Promise<{ status?: string; dataDir?: string }> {
  const [status, dataDir] = await Promise.all([
    systemValue(
      driver,
      'SHOW DATABASES YIELD name, home, statusMessage WHERE ($name IS NULL AND home) OR name = $name RETURN statusMessage AS value',
      { name: database ?? null },
    ),
    systemValue(driver, "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value", {}),
  ]);
  return { status, dataDir };
}

async function systemValue(driver: Driver, query: string, params: Record<string, unknown>): Promise<string | undefined> {
  const session = driver.session({ database: 'system' });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), DIAGNOSE_MS)));
    const answer = session.run(query, params).then(
      (result) => {
        const value: unknown = result.records[0]?.get('value');
        return typeof value === 'string' ? value : undefined;
      },
      () => undefined,
    );
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
    session.close().catch(() => undefined);
  }
}
