import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../errors';

/** A Neo4j server the user runs themselves (Desktop, Docker, a cluster, Aura). */
export interface ExternalNeo4j {
  uri: string;
  username: string;
  /** absent for a server with authentication off */
  password?: string;
}

/** How graphwire runs its own Neo4j when the user points it at none. */
export interface BundledNeo4jSettings {
  /** Bolt listen address; loopback unless the user asks otherwise */
  host: string;
  /** Bolt port; 0 lets the server pick a free one (tests use this) */
  port: number;
  /** JVM heap, as -Xms/-Xmx take it ("512m") */
  heap: string;
  /** Neo4j page cache size ("512m") */
  pagecache: string;
  /** native authentication with a generated password kept next to the data */
  auth: boolean;
  /** how long `start` waits for Bolt to answer */
  startTimeoutMs: number;
}

export interface Config {
  /** everything graphwire keeps lives below this folder (GRAPHWIRE_HOME, default ~/.graphwire) */
  home: string;
  /** set when the user names a server; otherwise the bundled one is used */
  external?: ExternalNeo4j;
  /** database name; undefined means the server's default database */
  database?: string;
  bundled: BundledNeo4jSettings;
}

/** Values as the CLI read them from flags; every field optional. */
export interface ConfigFlags {
  home?: string;
  neo4jUri?: string;
  neo4jUsername?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  neo4jPort?: string;
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  flags: ConfigFlags;
  homedir?: string;
}

export const DEFAULT_BUNDLED_PORT = 7688;

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** Flags win over environment variables, which win over defaults. */
export function resolveConfig({ env, flags, homedir = os.homedir() }: ConfigSources): Config {
  const home = path.resolve(nonEmpty(flags.home) ?? nonEmpty(env.GRAPHWIRE_HOME) ?? path.join(homedir, '.graphwire'));
  const uri = nonEmpty(flags.neo4jUri) ?? nonEmpty(env.NEO4J_URI);
  const username = nonEmpty(flags.neo4jUsername) ?? nonEmpty(env.NEO4J_USERNAME) ?? 'neo4j';
  const password = flags.neo4jPassword ?? env.NEO4J_PASSWORD;
  const database = nonEmpty(flags.neo4jDatabase) ?? nonEmpty(env.NEO4J_DATABASE);

  let external: ExternalNeo4j | undefined;
  if (uri !== undefined) {
    external = { uri: checkUri(uri), username, password: password === '' ? undefined : password };
  } else if (nonEmpty(password) !== undefined && (flags.neo4jPassword !== undefined || env.NEO4J_PASSWORD !== undefined)) {
    // a password with no server would silently go unused: the user almost certainly forgot NEO4J_URI
    throw new ConfigError('NEO4J_PASSWORD is set but NEO4J_URI is not: set NEO4J_URI to use your own server, or unset NEO4J_PASSWORD to use the bundled one');
  }

  const bundled: BundledNeo4jSettings = {
    host: nonEmpty(env.GRAPHWIRE_NEO4J_HOST) ?? '127.0.0.1',
    port: parsePort(nonEmpty(flags.neo4jPort) ?? nonEmpty(env.GRAPHWIRE_NEO4J_PORT), DEFAULT_BUNDLED_PORT),
    heap: parseSize('GRAPHWIRE_NEO4J_HEAP', nonEmpty(env.GRAPHWIRE_NEO4J_HEAP) ?? '512m'),
    pagecache: parseSize('GRAPHWIRE_NEO4J_PAGECACHE', nonEmpty(env.GRAPHWIRE_NEO4J_PAGECACHE) ?? '512m'),
    auth: parseBoolean('GRAPHWIRE_NEO4J_AUTH', nonEmpty(env.GRAPHWIRE_NEO4J_AUTH), true),
    startTimeoutMs: parsePositiveInt('GRAPHWIRE_NEO4J_START_TIMEOUT', nonEmpty(env.GRAPHWIRE_NEO4J_START_TIMEOUT), 180) * 1000,
  };
  if (!bundled.auth && !isLoopback(bundled.host)) {
    throw new ConfigError(`GRAPHWIRE_NEO4J_AUTH=false is only allowed with a loopback host, not ${bundled.host}: anyone on the network could write to the database`);
  }
  return { home, external, database, bundled };
}

/** The configuration as it may be shown to a person: secrets replaced. */
export function redactConfig(config: Config): Config {
  if (config.external?.password === undefined) return config;
  return { ...config, external: { ...config.external, password: '***' } };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function checkUri(uri: string): string {
  const scheme = /^([a-z0-9+]+):\/\//i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined || !URI_SCHEMES.includes(scheme)) {
    throw new ConfigError(`NEO4J_URI "${uri}" is not a Neo4j URI: expected one of ${URI_SCHEMES.map((s) => `${s}://`).join(', ')} (e.g. neo4j+s://xxxx.databases.neo4j.io for Aura)`);
  }
  return uri;
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`port "${value}" is not a port number (0-65535; 0 picks a free port)`);
  }
  return port;
}

function parseSize(name: string, value: string): string {
  if (!/^\d+[kmg]$/i.test(value)) {
    throw new ConfigError(`${name}="${value}" is not a size: write a number with k, m or g, e.g. 512m`);
  }
  return value.toLowerCase();
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name}="${value}" is not a boolean: use true or false`);
}

function parsePositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name}="${value}" is not a positive whole number`);
  return n;
}
