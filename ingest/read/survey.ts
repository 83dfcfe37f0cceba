import { statSync } from 'node:fs';
import { expandInputs } from './inputs';

/** How many files and bytes the paths hold, for a progress bar's totals; a second walk, so only worth it on a terminal. */
export async function surveyInputs(paths: readonly string[]): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const input of expandInputs(paths)) {
    if (input.kind === 'failure') continue;
    files++;
    if (input.kind === 'file') bytes += input.size ?? sizeOf(input.path);
  }
  return { files, bytes };
}

/** 0 for a file that cannot be looked at now: reading it will say why. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
