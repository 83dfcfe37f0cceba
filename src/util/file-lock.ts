import * as fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock between processes on one machine: a file created exclusively, holding the owner's pid.
 * A lock whose owner has died is taken over, so a crashed run never blocks the next one.
 */
export async function withFileLock<T>(lockPath: string, timeoutMs: number, what: string, body: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner !== undefined && !isAlive(owner)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for another graphwire process (pid ${owner ?? '?'}) to finish ${what} (lock ${lockPath})`);
      }
      await sleep(200);
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
