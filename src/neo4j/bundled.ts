import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import type { BundledNeo4jSettings } from '../config';
import { Neo4jUnavailableError } from '../errors';
import { isAlive, withFileLock } from '../util/file-lock';
import { packageRoot } from '../util/package-root';
import { generatePassword, writeInitialAuth } from './auth-file';
import { findJava, findMaven } from './java';

export const BUNDLED_USERNAME = 'neo4j';
const MIN_JAVA = 17;

/** Where the bundled server keeps everything, below $GRAPHWIRE_HOME/neo4j. */
export interface BundledPaths {
  /** the Neo4j home: data/ and logs/ live below it */
  root: string;
  /** the stores and transaction logs */
  data: string;
  /** generated password, readable by the owner only */
  passwordFile: string;
  /** pid, port and user of the running server */
  stateFile: string;
  /** written by the launcher once Bolt accepts connections */
  readyFile: string;
  /** the launcher's own stdout/stderr (Neo4j itself logs to logs/debug.log) */
  launcherLog: string;
  debugLog: string;
  startLock: string;
}

export function bundledPaths(home: string): BundledPaths {
  const root = path.join(home, 'neo4j');
  return {
    root,
    data: path.join(root, 'data'),
    passwordFile: path.join(root, 'password'),
    stateFile: path.join(root, 'server.json'),
    readyFile: path.join(root, 'ready.json'),
    launcherLog: path.join(root, 'launcher.log'),
    debugLog: path.join(root, 'logs', 'debug.log'),
    startLock: path.join(root, 'start.lock'),
  };
}

export interface ServerState {
  pid: number;
  host: string;
  port: number;
  uri: string;
  username: string;
  auth: boolean;
  startedAt: string;
}

export interface BundledStatus {
  running: boolean;
  state?: ServerState;
  /** a state file whose server is gone (crashed or killed); cleaned up by the next start */
  stale: boolean;
}

export interface StartResult {
  state: ServerState;
  alreadyRunning: boolean;
  /** wall time from spawning the JVM to the first answered query */
  startupMs?: number;
}

export interface BundledOptions {
  env?: Record<string, string | undefined>;
  /** progress messages for people ("building the launcher…") */
  log?: (message: string) => void;
  /** things people must hear even when progress is silenced (a server that had to be killed); default: log */
  warn?: (message: string) => void;
}

export interface StopResult {
  stopped: boolean;
  pid?: number;
  /** present when the server was killed (SIGTERM was not enough, or the disk was full): its next start recovers the store */
  killed?: true;
}

/** How long a SIGKILLed server may take to go (the kernel frees a large heap in well under this). */
const KILL_WAIT_MS = 10_000;

/** Less free than this on the data disk, and a clean shutdown cannot write its checkpoint. */
const FULL_DISK_BYTES = 1024 * 1024;

/** The Neo4j Community server graphwire runs itself, as a separate JVM process, one per GRAPHWIRE_HOME. */
export class BundledNeo4j {
  readonly paths: BundledPaths;
  private readonly env: Record<string, string | undefined>;
  private readonly log: (message: string) => void;
  private readonly warn: (message: string) => void;

  constructor(
    readonly home: string,
    readonly settings: BundledNeo4jSettings,
    options: BundledOptions = {},
  ) {
    this.paths = bundledPaths(home);
    this.env = options.env ?? process.env;
    this.log = options.log ?? (() => {});
    this.warn = options.warn ?? this.log;
  }

  status(): BundledStatus {
    const state = this.readState();
    if (state === undefined) return { running: false, stale: false };
    if (isOurServer(state.pid)) return { running: true, state, stale: false };
    return { running: false, state, stale: true };
  }

  /** The password clients use, when authentication is on. */
  password(): string | undefined {
    try {
      return fs.readFileSync(this.paths.passwordFile, 'utf8').trim();
    } catch {
      return undefined;
    }
  }

  /** Starts the server unless this home's server already runs; waits until it answers queries. */
  async start(): Promise<StartResult> {
    this.ensureHomeWritable();
    return withFileLock(this.paths.startLock, this.settings.startTimeoutMs + 600_000, 'starting Neo4j', async () => {
      const current = this.status();
      if (current.running && current.state) return { state: current.state, alreadyRunning: true };
      return this.startLocked();
    });
  }

  /**
   * Stops this home's server: SIGTERM (Neo4j checkpoints and closes the store), then SIGKILL if it is still there after
   * `timeoutMs`. Killing loses nothing committed (the next start replays the transaction log), and a wedged server
   * would otherwise never stop: with a full disk, closing the store retries its flush forever. On a full disk the
   * server is killed at once: its shutdown, failing to write, was seen to leave a transaction log it could not recover.
   */
  async stop(timeoutMs = 60_000): Promise<StopResult> {
    const current = this.status();
    if (!current.running || !current.state) {
      this.clearState();
      return { stopped: false };
    }
    const { pid } = current.state;
    const free = freeBytes(this.paths.data);
    if (free !== undefined && free < FULL_DISK_BYTES) {
      await this.kill(pid);
      this.warn(
        `the disk holding ${this.paths.data} is full (${free} bytes free), where a clean shutdown would fail to write and can damage ` +
          `the transaction log, so the bundled Neo4j (pid ${pid}) was killed (SIGKILL) instead. Free disk space before starting it ` +
          'again: the start replays the transaction log (nothing committed is lost).',
      );
      return { stopped: true, pid, killed: true };
    }
    signal(pid, 'SIGTERM');
    if (await exits(pid, timeoutMs)) {
      this.clearState();
      return { stopped: true, pid };
    }
    await this.kill(pid);
    this.warn(
      `the bundled Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000} s of SIGTERM, so it was killed (SIGKILL). ` +
        `Its next start recovers the store from the transaction log (nothing committed is lost); see ${this.paths.debugLog} for why it hung (a full disk?).`,
    );
    return { stopped: true, pid, killed: true };
  }

  private async kill(pid: number): Promise<void> {
    signal(pid, 'SIGKILL');
    if (!(await exits(pid, KILL_WAIT_MS))) {
      throw new Neo4jUnavailableError(
        `the bundled Neo4j (pid ${pid}) is still there ${KILL_WAIT_MS / 1000} s after SIGKILL (stuck in the kernel, e.g. on a hung disk?); see ${this.paths.debugLog}`,
      );
    }
    this.clearState();
  }

  private async startLocked(): Promise<StartResult> {
    const java = findJava(this.env);
    if (java === undefined || java.major < MIN_JAVA) {
      const found = java ? `Java ${java.major} found, but Java ${MIN_JAVA}+ is needed` : `Java ${MIN_JAVA}+ not found`;
      throw unavailable(`${found} to run the bundled Neo4j.`, `install a JDK ${MIN_JAVA} or newer and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), or set JAVA_HOME`);
    }
    const jar = await this.ensureLauncherBuilt();
    this.clearState();
    fs.rmSync(this.paths.readyFile, { force: true });

    let password: string | undefined;
    if (this.settings.auth) password = this.ensurePassword();

    const args = [
      `-Xms${this.settings.heap}`,
      `-Xmx${this.settings.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-jar', jar,
      '--home', this.paths.root,
      '--host', this.settings.host,
      '--port', String(this.settings.port),
      '--pagecache', this.settings.pagecache,
      '--auth', String(this.settings.auth),
      '--ready-file', this.paths.readyFile,
    ];
    const logFd = fs.openSync(this.paths.launcherLog, 'w');
    const began = Date.now();
    // detached: the server outlives the command that started it, and Ctrl-C in that terminal does not reach it
    const child = spawn(java.command, args, { detached: true, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    let exited: number | null | undefined;
    child.on('exit', (code) => {
      exited = code;
    });
    child.unref();

    const deadline = began + this.settings.startTimeoutMs;
    let port: number | undefined;
    while (port === undefined) {
      if (exited !== undefined) {
        if (/PortBindException|Address already in use/.test(logTail(this.paths.launcherLog, 200))) {
          throw unavailable(
            `port ${this.settings.port} on ${this.settings.host} is already in use (another Neo4j, or another GRAPHWIRE_HOME's server?), so the bundled Neo4j cannot listen there.`,
            'set GRAPHWIRE_NEO4J_PORT (or --neo4j-port) to another port, 0 for any free one, or stop the program using it',
          );
        }
        const failed = /graphwire-neo4j database-failed: (.*)/.exec(logTail(this.paths.launcherLog, 5000));
        if (failed) {
          throw unavailable(
            `the graph store in ${this.paths.data} could not be opened: ${failed[1]!.trim()}`,
            `if its transaction log was damaged (a crash or a full disk), restore that folder from a backup, or move it aside ` +
              `and start again to begin an empty graph, then ingest your articles again; details in ${this.paths.debugLog}`,
          );
        }
        throw this.startFailure(`the Neo4j launcher exited with code ${exited} during start-up`);
      }
      if (Date.now() > deadline) {
        if (child.pid !== undefined && isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
        throw this.startFailure(`Neo4j did not open its Bolt port within ${this.settings.startTimeoutMs / 1000} s`);
      }
      port = readReadyPort(this.paths.readyFile);
      if (port === undefined) await sleep(100);
    }

    const host = this.settings.host.includes(':') ? `[${this.settings.host}]` : this.settings.host;
    const state: ServerState = {
      pid: child.pid ?? -1,
      host: this.settings.host,
      port,
      uri: `bolt://${host}:${port}`,
      username: BUNDLED_USERNAME,
      auth: this.settings.auth,
      startedAt: new Date().toISOString(),
    };
    await waitForQueries(state, password, deadline).catch((error: unknown) => {
      if (child.pid !== undefined && isAlive(child.pid)) process.kill(child.pid, 'SIGTERM');
      throw this.startFailure(`Neo4j opened port ${port} but did not answer queries: ${(error as Error).message}`);
    });
    fs.writeFileSync(this.paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
    return { state, alreadyRunning: false, startupMs: Date.now() - began };
  }

  /** Builds neo4j/ with Maven the first time (or after the launcher changed) and returns the jar. */
  private async ensureLauncherBuilt(): Promise<string> {
    const projectDir = path.join(packageRoot(), 'neo4j');
    const jar = path.join(projectDir, 'target', 'graphwire-neo4j.jar');
    if (isBuildCurrent(projectDir, jar)) return jar;
    const mvn = findMaven(this.env);
    if (mvn === undefined) {
      throw unavailable('Maven not found: it builds the bundled Neo4j on first use.', 'install Maven (Debian: apt-get install maven)');
    }
    const lock = path.join(projectDir, '.build.lock');
    await withFileLock(lock, 900_000, 'building the Neo4j launcher', async () => {
      if (isBuildCurrent(projectDir, jar)) return;
      this.log('Building the bundled Neo4j launcher (first use: Maven downloads ≈120 MB into ~/.m2)…');
      const build = spawnSync(mvn, ['-q', '-B', 'package', '-DskipTests'], {
        cwd: projectDir,
        encoding: 'utf8',
        timeout: 900_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      if (build.error || build.status !== 0) {
        const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
        throw unavailable(`building the bundled Neo4j with Maven failed (${build.error?.message ?? `exit ${build.status}`}):\n${output}`, 'check that Maven Central is reachable');
      }
    });
    return jar;
  }

  private ensurePassword(): string {
    const existing = this.password();
    if (existing !== undefined && existing !== '') {
      // a data folder moved aside (a damaged store, say) starts afresh under the same password
      if (!fs.existsSync(path.join(this.paths.data, 'databases', 'system'))) writeInitialAuth(this.paths.root, BUNDLED_USERNAME, existing);
      return existing;
    }
    if (fs.existsSync(path.join(this.paths.data, 'databases', 'system'))) {
      throw unavailable(
        `the bundled Neo4j data in ${this.paths.root} exists but its password file ${this.paths.passwordFile} is missing.`,
        `restore that file, or remove ${this.paths.root} to start afresh (its graph is lost)`,
      );
    }
    const password = generatePassword();
    fs.writeFileSync(this.paths.passwordFile, `${password}\n`, { mode: 0o600 });
    writeInitialAuth(this.paths.root, BUNDLED_USERNAME, password);
    return password;
  }

  private ensureHomeWritable(): void {
    try {
      fs.mkdirSync(this.paths.root, { recursive: true });
      fs.accessSync(this.paths.root, fs.constants.W_OK);
    } catch (error) {
      throw unavailable(
        `cannot write to ${this.paths.root}: ${(error as Error).message}.`,
        'set GRAPHWIRE_HOME (or --home) to a folder you can write to',
      );
    }
    // Neo4j needs to write where the graph already is; said here, that beats a launcher stack trace
    const data = this.paths.data;
    const stores = ['databases', 'transactions'].flatMap((d) => [d, `${d}/neo4j`, `${d}/system`]);
    const folders = [data, ...stores.map((d) => path.join(data, d)), path.join(this.paths.root, 'logs')];
    for (const folder of folders) {
      try {
        fs.accessSync(folder, fs.constants.W_OK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw unavailable(
          `cannot write to ${folder}: ${(error as Error).message}. The bundled Neo4j keeps its graph below ${data} and cannot start without writing there.`,
          `make ${folder} writable again (remounted read-only? files owned by another user, e.g. after running graphwire with sudo?), or set GRAPHWIRE_HOME (or --home) to another folder for a new, empty graph`,
        );
      }
    }
  }

  private readState(): ServerState | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.paths.stateFile, 'utf8')) as ServerState;
    } catch {
      return undefined;
    }
  }

  private clearState(): void {
    fs.rmSync(this.paths.stateFile, { force: true });
    fs.rmSync(this.paths.readyFile, { force: true });
  }

  private startFailure(problem: string): Neo4jUnavailableError {
    const tail = [this.paths.launcherLog, this.paths.debugLog]
      .map((file) => logTail(file, 15))
      .filter((t) => t !== '')
      .join('\n');
    return unavailable(`${problem}.${tail ? `\nLast log lines:\n${tail}` : ''}\n`, `see ${this.paths.debugLog}`);
  }
}

function unavailable(problem: string, fix: string): Neo4jUnavailableError {
  return new Neo4jUnavailableError(
    `${problem}\nTwo ways out: ${fix}; or point graphwire at a Neo4j 5 server you run (Desktop, Docker, Aura) with NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.`,
  );
}

/** The pid runs our launcher (a recycled pid after a reboot must not count). */
function isOurServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('graphwire-neo4j');
  } catch {
    return true; // no /proc (macOS): trust the live pid
  }
}

/** Bytes free for this user on the disk holding `dir`; undefined when that cannot be told (no such folder yet). */
function freeBytes(dir: string): number | undefined {
  try {
    const disk = fs.statfsSync(dir);
    return disk.bavail * disk.bsize;
  } catch {
    return undefined;
  }
}

/** Sends a signal to a process that may have just exited on its own. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Waits until the process is gone; false at the deadline. */
async function exits(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!isGone(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Gone, or a zombie whose every thread has exited (its parent may never reap it, but it holds no files). A JVM's main
 * thread turns zombie while its other threads still run and hold the store open; an empty /proc cmdline comes even
 * earlier; neither counts.
 */
function isGone(pid: number): boolean {
  if (!isAlive(pid)) return true;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return /^State:\s+[ZX]/m.test(status) && /^Threads:\s+1$/m.test(status);
  } catch {
    return fs.existsSync('/proc/self'); // gone just now; or no /proc at all (macOS), where the live pid counts
  }
}

function isBuildCurrent(projectDir: string, jar: string): boolean {
  let built: number;
  try {
    built = fs.statSync(jar).mtimeMs;
    if (!fs.existsSync(path.join(projectDir, 'target', 'lib'))) return false;
  } catch {
    return false;
  }
  const sources = [path.join(projectDir, 'pom.xml'), ...listFiles(path.join(projectDir, 'src'))];
  return sources.every((file) => fs.statSync(file).mtimeMs <= built);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function readReadyPort(readyFile: string): number | undefined {
  try {
    const ready = JSON.parse(fs.readFileSync(readyFile, 'utf8')) as { port?: unknown };
    return typeof ready.port === 'number' ? ready.port : undefined;
  } catch {
    return undefined;
  }
}

async function waitForQueries(state: ServerState, password: string | undefined, deadline: number): Promise<void> {
  const auth = password === undefined ? undefined : neo4j.auth.basic(state.username, password);
  const driver = neo4j.driver(state.uri, auth, { connectionTimeout: 5000 });
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1');
        return;
      } catch (error) {
        // a wrong password never heals, and three failures lock the user out for a while
        if (String((error as { code?: unknown }).code).startsWith('Neo.ClientError.Security')) throw error;
        if (Date.now() > deadline) throw error;
        await sleep(250);
      }
    }
  } finally {
    await driver.close();
  }
}

function logTail(file: string, lines: number): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    return text === '' ? '' : `--- ${file}\n${text.split('\n').slice(-lines).join('\n')}`;
  } catch {
    return '';
  }
}
