import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/graphwire');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/graphwire …` as its own process (the compiled CLI, as users run it), killed after `timeoutMs`. */
export function graphwire(args: string[], env: Record<string, string | undefined>, timeoutMs = 240_000): { done: Promise<CliRun>; pid: number | undefined } {
  const began = Date.now();
  // a key given as undefined is removed from the child's environment (NEO4J_URI: undefined → the bundled server)
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined && !(k in env && env[k] === undefined)) merged[k] = v;
  const child = spawn(process.execPath, [BIN, '--quiet', ...args], { env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - began });
    });
  });
  return { done, pid: child.pid };
}
