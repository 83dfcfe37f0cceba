import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { InputError } from '../../src/errors';
import type { InputFormat } from '../../src/model/article';
import { assemble, type ReadArticle } from './assemble';
import { decode } from './decode';
import type { Draft } from './draft';
import { kindOf, sniffFormat } from './formats';
import { parseHtml } from './html';
import { SAME_STORY_WINDOW, withInferredDates } from './infer-dates';
import { expandInputs, type FileInput, type Input } from './inputs';
import { parseJsonDocument, parseJsonLine } from './json';
import { DEFAULT_MAX_BYTES, TOO_LONG, asInputError, linesOfStream, openStream, readAll, tooLarge } from './load';
import { parseMd } from './md';
import { parseTxt } from './txt';

/** What reading yields, in input order: articles, and inputs (files, lines) that were skipped or read with a problem. */
export type ReadEvent =
  | { kind: 'article'; article: ReadArticle }
  /** the input (or one line of it) was skipped */
  | { kind: 'failure'; error: InputError }
  /** the input was read, but not cleanly (e.g. invalid UTF-8 replaced) */
  | { kind: 'warning'; error: InputError };

export interface ReadOptions {
  /** one input (a file, stdin, or one JSON Lines record) above this many bytes is refused; default 16 MiB */
  maxBytes?: number;
  /** where `-` reads from; default process.stdin */
  stdin?: Readable;
  /** called after each file (or stdin) is done, with its size on disk: for progress bars */
  onInput?: (input: { path: string; bytes: number }) => void;
  /** articles either side in which an undated article looks for a dated report of its story; 0 turns that off */
  sameStoryWindow?: number;
}

/**
 * Reads articles from files, folders, glob patterns and `-` (stdin), one input at a time, so
 * memory stays bounded however many files there are. A bad input never stops the run: it comes
 * out as a `failure` naming the file (and line), and reading goes on. An undated article may take
 * the date of a dated report of the same story read near it (withInferredDates).
 */
export function readArticles(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadEvent> {
  return withInferredDates(readEach(paths, options), options.sameStoryWindow ?? SAME_STORY_WINDOW);
}

/** Every input's articles and problems, as read and cleaned, in input order. */
async function* readEach(paths: readonly string[], options: ReadOptions): AsyncGenerator<ReadEvent> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for await (const { input, loaded } of prefetch(expandInputs(paths), (input) => load(input, maxBytes), READ_AHEAD)) {
    if (input.kind === 'failure') {
      yield { kind: 'failure', error: input.error };
      continue;
    }
    const name = input.kind === 'stdin' ? '-' : input.path;
    try {
      if (input.kind === 'stdin') {
        yield* parseBytes(await readAll(options.stdin ?? process.stdin, '-', maxBytes), '-', undefined, maxBytes);
      } else {
        const kind = kindOf(input.path);
        if (kind.format === 'jsonl') yield* readJsonLines(openStream(input.path, kind.gzip), input.path, maxBytes);
        else yield* parseBytes(await loaded!, input.path, kind.format, maxBytes);
      }
    } catch (error) {
      yield { kind: 'failure', error: unexpected(error, name) };
    } finally {
      options.onInput?.({ path: name, bytes: input.kind === 'file' ? (input.size ?? 0) : 0 });
    }
  }
}

/** Files read ahead of the one being parsed: reading many small files is mostly waiting on the disk. */
const READ_AHEAD = 8;
/** Only files up to this size are read ahead, so read-ahead holds at most READ_AHEAD times this. */
const READ_AHEAD_MAX_BYTES = 1024 * 1024;

/** Starts reading a whole-file input; JSON Lines and stdin are read when their turn comes (they stream). */
function load(input: Input, maxBytes: number): Promise<Buffer> | undefined {
  if (input.kind !== 'file') return undefined;
  const kind = kindOf(input.path);
  if (kind.format === 'jsonl') return undefined;
  if (input.size === undefined) return openAndRead(input, maxBytes);
  const size = input.size;
  const start = (): Promise<Buffer> => {
    if (!kind.gzip && size > maxBytes) return Promise.reject(tooLarge(input.path, size, maxBytes, 'file', true));
    // gzip is streamed: its size is known only once it is read, and the limit applies as it expands
    if (kind.gzip) return readAll(openStream(input.path, true), input.path, maxBytes);
    if (size > READ_AHEAD_MAX_BYTES) return fs.readFile(input.path);
    // a small file is read in one synchronous call: four system calls, where the async path adds
    // a thread-pool round trip to each, and reading many small files is mostly that overhead
    try {
      return Promise.resolve(readFileSync(input.path));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  // large files and gzip (which may expand up to the limit) are read only when their turn comes
  if (size > READ_AHEAD_MAX_BYTES || kind.gzip) return lazy(start);
  return handled(start());
}

/**
 * A plain file listed from a folder, its size not yet known: opened, measured (filling in input.size) and,
 * when small, read at once; a large one is read when its turn comes, and one over the limit never.
 */
function openAndRead(input: FileInput, maxBytes: number): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(input.path, 'r');
  } catch (error) {
    return handled(Promise.reject(error));
  }
  try {
    const size = (input.size = fstatSync(fd).size);
    if (size > maxBytes) return handled(Promise.reject(tooLarge(input.path, size, maxBytes, 'file', true)));
    if (size > READ_AHEAD_MAX_BYTES) return lazy(() => fs.readFile(input.path));
    return Promise.resolve(readFileSync(fd));
  } catch (error) {
    return handled(Promise.reject(error));
  } finally {
    closeSync(fd);
  }
}

/** A promise whose failure is handled when its turn comes: not an unhandled rejection meanwhile. */
function handled(promise: Promise<Buffer>): Promise<Buffer> {
  promise.catch(() => undefined);
  return promise;
}

/** A promise-like that starts its work only when awaited. */
function lazy(start: () => Promise<Buffer>): Promise<Buffer> {
  let promise: Promise<Buffer> | undefined;
  return { then: (ok, fail) => (promise ??= start()).then(ok, fail) } as Promise<Buffer>;
}

/** Maps items to started work, keeping up to `window` in flight, in order. */
async function* prefetch<T, U>(source: AsyncIterable<T>, start: (item: T) => U, window: number): AsyncGenerator<{ input: T; loaded: U }> {
  const queue: Array<{ input: T; loaded: U }> = [];
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  while (true) {
    while (!done && queue.length < window) {
      const next = await iterator.next();
      if (next.done) done = true;
      else queue.push({ input: next.value, loaded: start(next.value) });
    }
    const head = queue.shift();
    if (head === undefined) return;
    yield head;
  }
}

/** Parses one whole article file (or stdin) by format. */
function* parseBytes(bytes: Buffer, file: string, format: InputFormat | undefined, maxBytes: number): Generator<ReadEvent> {
  // standard input has no name to say it is gzipped; its first two bytes do
  if (format === undefined && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipLimited(bytes, file, maxBytes);
  const decoded = decode(bytes, file);
  if (decoded.warning) yield { kind: 'warning', error: decoded.warning };
  const actual = format ?? sniffFormat(decoded.text);
  if (actual === 'jsonl') {
    const lines = decoded.text.split('\n');
    for (let i = 0; i < lines.length; i++) yield* fromDrafts(() => [parseJsonLine(lines[i]!, file, i + 1)], file, actual);
    return;
  }
  yield* fromDrafts(() => parseDocument(decoded.text, file, actual), file, actual);
}

/** JSON Lines are streamed: a file of any size, one record in memory at a time. */
async function* readJsonLines(stream: Readable, file: string, maxBytes: number): AsyncGenerator<ReadEvent> {
  let line = 0;
  let records = 0;
  for await (const bytes of linesOfStream(stream, file, maxBytes)) {
    line++;
    if (bytes === TOO_LONG) {
      records++;
      yield { kind: 'failure', error: tooLarge(file, maxBytes, maxBytes, 'line', false, line) };
      continue;
    }
    if (bytes.length === 0 || (bytes.length === 1 && bytes[0] === 0x0d)) continue;
    records++;
    let text: string;
    try {
      const decoded = decode(bytes, file, line);
      if (decoded.warning) yield { kind: 'warning', error: decoded.warning };
      text = decoded.text;
    } catch (error) {
      yield { kind: 'failure', error: unexpected(error, file, line) };
      // a first record that is binary means a binary file: one message, not one per "line"
      if (records === 1) return;
      continue;
    }
    yield* fromDrafts(() => [parseJsonLine(text, file, line)], file, 'jsonl');
  }
  if (records === 0) yield { kind: 'failure', error: new InputError(file, 'empty file, nothing to read') };
}

function gunzipLimited(bytes: Buffer, file: string, maxBytes: number): Buffer {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(file, maxBytes, maxBytes, 'file');
    throw asInputError(error, file);
  }
}

function parseDocument(text: string, file: string, format: InputFormat): Array<Draft | InputError | undefined> {
  switch (format) {
    case 'txt':
      return [parseTxt(text)];
    case 'md':
      return [parseMd(text)];
    case 'html':
      return [parseHtml(text, file)];
    case 'json':
    case 'jsonl':
      return parseJsonDocument(text, file);
  }
}

function* fromDrafts(make: () => Array<Draft | InputError | undefined>, file: string, format: InputFormat): Generator<ReadEvent> {
  let drafts: Array<Draft | InputError | undefined>;
  try {
    drafts = make();
  } catch (error) {
    yield { kind: 'failure', error: unexpected(error, file) };
    return;
  }
  for (const draft of drafts) {
    if (draft === undefined) continue;
    if (draft instanceof InputError) {
      yield { kind: 'failure', error: draft };
      continue;
    }
    try {
      yield { kind: 'article', article: assemble(draft, { path: file, format }) };
    } catch (error) {
      yield { kind: 'failure', error: unexpected(error, file, draft.line) };
    }
  }
}

/** Known problems pass through; anything else is a bug, still reported against the file so the run goes on. */
function unexpected(error: unknown, file: string, line?: number): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return asInputError(error, file);
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError(file, `unexpected error while reading (please report it): ${detail}`, line, { cause: error });
}
