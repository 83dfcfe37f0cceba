import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { resolveConfig, type Config } from '../../src/config';
import { BundledNeo4j, openDriver, type Neo4jTarget } from '../../src/neo4j';

/** The Neo4j server the integration tests share; started once per run, on first need. */
export interface TestNeo4j {
  config: Config;
  target: Neo4jTarget;
  driver: Driver;
}

let shared: Promise<TestNeo4j> | undefined;
let server: BundledNeo4j | undefined;
let tempHome: string | undefined;
let driver: Driver | undefined;

/**
 * Tests use GRAPHWIRE_TEST_NEO4J_URI when set (never NEO4J_URI: tests wipe the database, and a user's
 * own NEO4J_URI must not be wiped by `npm test`); otherwise a bundled server on a free port in a temporary home.
 */
export function testNeo4j(): Promise<TestNeo4j> {
  shared ??= startShared();
  return shared;
}

/** Empties the shared test database (nodes, relationships; constraints and indexes stay). */
export async function clearDatabase(db: TestNeo4j): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction, which executeQuery does not give
  const session = db.driver.session({ database: db.target.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** A test's own bundled server, started if it is not running, and a driver to it. */
export async function connectBundled(server: BundledNeo4j, config: Config): Promise<TestNeo4j> {
  const { state } = await server.start();
  const target: Neo4jTarget = { uri: state.uri, username: state.username, password: server.password(), bundled: true };
  return { config, target, driver: openDriver(target) };
}

/** A fresh GRAPHWIRE_HOME in the temp folder, removed by the caller. */
export function makeTempHome(prefix = 'graphwire-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Called once by the root hook after all tests. */
export async function stopSharedNeo4j(): Promise<void> {
  await driver?.close();
  if (server) await server.stop();
  if (tempHome && !process.env.GRAPHWIRE_KEEP_TEST_HOME) fs.rmSync(tempHome, { recursive: true, force: true });
  shared = undefined;
}

async function startShared(): Promise<TestNeo4j> {
  const env = process.env;
  if (env.GRAPHWIRE_TEST_NEO4J_URI) {
    const config = resolveConfig({
      env: {
        NEO4J_URI: env.GRAPHWIRE_TEST_NEO4J_URI,
        NEO4J_USERNAME: env.GRAPHWIRE_TEST_NEO4J_USERNAME,
        NEO4J_PASSWORD: env.GRAPHWIRE_TEST_NEO4J_PASSWORD,
        NEO4J_DATABASE: env.GRAPHWIRE_TEST_NEO4J_DATABASE,
      },
      flags: {},
    });
    const target: Neo4jTarget = { ...config.external!, database: config.database, bundled: false };
    driver = openDriver(target);
    return { config, target, driver };
  }
  tempHome = makeTempHome();
  const config = resolveConfig({ env: { GRAPHWIRE_HOME: tempHome, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
  server = new BundledNeo4j(config.home, config.bundled, { log: (m) => process.stderr.write(`      ${m}\n`) });
  const { state } = await server.start();
  const target: Neo4jTarget = { uri: state.uri, username: state.username, password: server.password(), bundled: true };
  driver = openDriver(target);
  return { config, target, driver };
}
