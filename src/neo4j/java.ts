import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface JavaInfo {
  command: string;
  major: number;
}

/** Finds a Java runtime: JAVA_HOME first, then PATH. Returns undefined when none runs. */
export function findJava(env: Record<string, string | undefined>): JavaInfo | undefined {
  const candidates = [env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : undefined, 'java'].filter(
    (c): c is string => c !== undefined,
  );
  for (const command of candidates) {
    const run = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 20_000, env: env as NodeJS.ProcessEnv });
    if (run.error || run.status !== 0) continue;
    const major = parseJavaMajor(`${run.stderr}\n${run.stdout}`);
    if (major !== undefined) return { command, major };
  }
  return undefined;
}

/** `openjdk version "17.0.15"` -> 17; `java version "1.8.0_382"` -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Finds Maven on PATH (or MAVEN_HOME); undefined when it does not run. */
export function findMaven(env: Record<string, string | undefined>): string | undefined {
  const candidates = [env.MAVEN_HOME ? path.join(env.MAVEN_HOME, 'bin', 'mvn') : undefined, 'mvn'].filter(
    (c): c is string => c !== undefined,
  );
  for (const command of candidates) {
    const run = spawnSync(command, ['-v'], { encoding: 'utf8', timeout: 60_000, env: env as NodeJS.ProcessEnv });
    if (!run.error && run.status === 0) return command;
  }
  return undefined;
}
