import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Config } from '../config';
import { BundledNeo4j, findJava, findMaven, openDriver, type Neo4jTarget } from '../neo4j';
import { packageRoot } from '../util/package-root';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** what to do about it, when not ok */
  fix?: string;
}

export interface DoctorEnvironment {
  env: Record<string, string | undefined>;
  nodeVersion: string;
}

/**
 * Everything graphwire needs, checked without changing anything: it never starts or builds the bundled server,
 * so it is safe to run when something is broken.
 */
export async function runChecks(config: Config, environment: DoctorEnvironment): Promise<CheckResult[]> {
  const results: CheckResult[] = [checkNode(environment.nodeVersion), checkHome(config.home)];
  if (config.external) {
    results.push(await checkServer('Neo4j (NEO4J_URI)', { ...config.external, database: config.database, bundled: false },
      'check the server runs and NEO4J_USERNAME / NEO4J_PASSWORD are right, or unset NEO4J_URI to use the bundled Neo4j'));
    return results;
  }
  const java = findJava(environment.env);
  results.push(
    java === undefined
      ? { name: 'Java', status: 'fail', detail: 'not found (JAVA_HOME, PATH)', fix: 'install a JDK 17+ (Debian: apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to a server of your own' }
      : java.major < 17
        ? { name: 'Java', status: 'fail', detail: `Java ${java.major} at ${java.command}`, fix: 'the bundled Neo4j needs Java 17 or newer: install one and set JAVA_HOME' }
        : { name: 'Java', status: 'ok', detail: `Java ${java.major} (${java.command})` },
  );
  const server = new BundledNeo4j(config.home, config.bundled);
  const jarBuilt = fs.existsSync(path.join(packageRoot(), 'neo4j', 'target', 'graphwire-neo4j.jar'));
  const maven = findMaven(environment.env);
  results.push(
    maven !== undefined
      ? { name: 'Maven', status: 'ok', detail: maven }
      : jarBuilt
        ? { name: 'Maven', status: 'warn', detail: 'not found, but the launcher is already built', fix: 'install Maven to rebuild it after an update (apt-get install maven)' }
        : { name: 'Maven', status: 'fail', detail: 'not found; it builds the bundled Neo4j on first use', fix: 'install Maven (Debian: apt-get install maven) or set NEO4J_URI' },
  );
  const status = server.status();
  if (status.running && status.state) {
    results.push(await checkServer('bundled Neo4j', { uri: status.state.uri, username: status.state.username, password: status.state.auth ? server.password() : undefined, bundled: true },
      `stop and start it again: graphwire neo4j stop && graphwire neo4j start (log: ${server.paths.debugLog})`));
  } else {
    results.push({ name: 'bundled Neo4j', status: 'ok', detail: `not running${status.stale ? ' (last run ended without a clean stop; the next start recovers)' : ''}; commands start it when needed` });
    if (config.bundled.port !== 0) {
      const free = await portIsFree(config.bundled.host, config.bundled.port);
      results.push(
        free
          ? { name: 'Bolt port', status: 'ok', detail: `${config.bundled.host}:${config.bundled.port} is free` }
          : { name: 'Bolt port', status: 'fail', detail: `${config.bundled.host}:${config.bundled.port} is in use by another program`, fix: 'choose another port with GRAPHWIRE_NEO4J_PORT (0 = any free port)' },
      );
    }
  }
  return results;
}

function checkNode(version: string): CheckResult {
  const major = Number(/^v?(\d+)/.exec(version)?.[1]);
  return major >= 20
    ? { name: 'Node.js', status: 'ok', detail: version }
    : { name: 'Node.js', status: 'fail', detail: version, fix: 'graphwire needs Node.js 20 or newer' };
}

function checkHome(home: string): CheckResult {
  try {
    fs.mkdirSync(home, { recursive: true });
    const probe = path.join(home, `.doctor-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    return { name: 'data directory', status: 'ok', detail: `${home} is writable` };
  } catch (error) {
    return { name: 'data directory', status: 'fail', detail: `${home}: ${(error as Error).message}`, fix: 'set GRAPHWIRE_HOME (or --home) to a folder you can write to' };
  }
}

async function checkServer(name: string, target: Neo4jTarget, fix: string): Promise<CheckResult> {
  const driver = openDriver(target);
  try {
    const info = await driver.getServerInfo({ database: target.database });
    return { name, status: 'ok', detail: `${target.uri} answers (${info.agent ?? 'Neo4j'}, protocol ${info.protocolVersion ?? '?'})` };
  } catch (error) {
    return { name, status: 'fail', detail: `${target.uri}: ${(error as Error).message.split('\n')[0]}`, fix };
  } finally {
    await driver.close();
  }
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
