import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { Neo4jUnavailableError } from '../errors';
import { BundledNeo4j, type BundledOptions } from './bundled';
import { disableNagleForDriverSockets } from './no-delay';

/** The server a command talks to, however it was chosen. */
export interface Neo4jTarget {
  uri: string;
  username: string;
  password?: string;
  database?: string;
  /** true when this is graphwire's own server */
  bundled: boolean;
  /** the bundled server's data folder, on this machine (loads watch its free space) */
  dataDir?: string;
}

export interface Neo4jConnection {
  driver: Driver;
  target: Neo4jTarget;
  close(): Promise<void>;
}

/**
 * The user's server when NEO4J_URI (or --neo4j-uri) names one; otherwise the bundled server of this
 * GRAPHWIRE_HOME, started if it is not running.
 */
export async function resolveTarget(config: Config, options: BundledOptions = {}): Promise<Neo4jTarget> {
  if (config.external) {
    return { ...config.external, database: config.database, bundled: false };
  }
  const server = new BundledNeo4j(config.home, config.bundled, options);
  const { state, alreadyRunning, startupMs } = await server.start();
  if (!alreadyRunning) {
    options.log?.(`Started the bundled Neo4j at ${state.uri} in ${((startupMs ?? 0) / 1000).toFixed(1)} s (stop it with: graphwire neo4j stop)`);
  }
  return {
    uri: state.uri,
    username: state.username,
    password: state.auth ? server.password() : undefined,
    database: config.database,
    bundled: true,
    dataDir: server.paths.data,
  };
}

export function openDriver(target: Neo4jTarget): Driver {
  disableNagleForDriverSockets();
  const auth = target.password === undefined ? undefined : neo4j.auth.basic(target.username, target.password);
  // counts and ids fit in a double; lossless Integer objects would leak into every caller
  return neo4j.driver(target.uri, auth, { disableLosslessIntegers: true, connectionTimeout: 15_000 });
}

/** Resolves the target, opens a driver and checks that the server answers. */
export async function connect(config: Config, options: BundledOptions = {}): Promise<Neo4jConnection> {
  const target = await resolveTarget(config, options);
  const driver = openDriver(target);
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (error) {
    await driver.close();
    const how = target.bundled
      ? 'the bundled server is running but refused the connection; try graphwire neo4j stop, then start again'
      : 'check the server is running and the credentials are right, or unset NEO4J_URI to use the bundled Neo4j';
    throw new Neo4jUnavailableError(`cannot connect to Neo4j at ${target.uri}: ${(error as Error).message}\n${how}`, { cause: error });
  }
  return { driver, target, close: () => driver.close() };
}
