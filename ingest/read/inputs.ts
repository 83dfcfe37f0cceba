import { statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../../src/errors';
import { kindOf } from './formats';
import { asInputError } from './load';

/** One thing to read, found from the paths the user gave. */
export type Input =
  | FileInput
  | { kind: 'stdin' }
  | { kind: 'failure'; error: InputError };

export interface FileInput {
  kind: 'file';
  path: string;
  /**
   * bytes on disk; for a plain file listed from a folder, unknown until the reader opens it and fills it
   * in: asking first would cost a second path lookup per file, and folders hold thousands of small files
   */
  size: number | undefined;
}

/**
 * Expands files, folders (recursively) and glob patterns into files, lazily: a folder is listed
 * one directory at a time, so memory does not grow with the number of files. In folders only
 * files with a readable extension are taken; hidden files and folders are passed over.
 * A file named explicitly is always taken, whatever its extension.
 */
export async function* expandInputs(paths: readonly string[]): AsyncGenerator<Input> {
  for (const given of paths) {
    if (given === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let stat: Awaited<ReturnType<typeof fs.stat>> | undefined;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      // a pattern the shell did not expand (quoted, or on Windows); a real file of that name wins
      if (isDynamicPattern(given)) {
        yield* expandGlob(given);
        continue;
      }
      yield { kind: 'failure', error: asInputError(error, given) };
      continue;
    }
    if (stat.isDirectory()) yield* walk(given);
    else yield { kind: 'file', path: given, size: stat.size };
  }
}

async function* expandGlob(pattern: string): AsyncGenerator<Input> {
  const files = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false, absolute: path.isAbsolute(pattern) })).sort();
  if (files.length === 0) {
    yield { kind: 'failure', error: new InputError(pattern, 'no file matches this pattern') };
    return;
  }
  for (const file of files) yield* fileInput(file);
}

async function* walk(root: string): AsyncGenerator<Input> {
  let found = 0;
  const pending: string[] = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'failure', error: asInputError(error, dir) };
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      // symbolic links to folders are not followed: they can loop
      if (entry.isDirectory()) {
        subdirs.push(full);
        continue;
      }
      const kind = kindOf(entry.name);
      if (!(entry.isFile() || entry.isSymbolicLink()) || kind.format === undefined) continue;
      found++;
      // a link may lead to a folder, and gzip and JSON Lines are streamed rather than opened ahead: those are looked at now
      if (entry.isFile() && !kind.gzip && kind.format !== 'jsonl') yield { kind: 'file', path: full, size: undefined };
      else yield* fileInput(full);
    }
    // depth first, in name order
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push(subdirs[i]!);
  }
  if (found === 0) {
    yield { kind: 'failure', error: new InputError(root, 'no readable files in this folder (.txt .md .html .json .jsonl, or .gz of them)') };
  }
}

function* fileInput(file: string): Generator<Input> {
  try {
    // synchronous: one quick system call, where the promise version costs a thread-pool round trip per file
    const stat = statSync(file);
    if (stat.isFile()) yield { kind: 'file', path: file, size: stat.size };
  } catch (error) {
    yield { kind: 'failure', error: asInputError(error, file) };
  }
}
