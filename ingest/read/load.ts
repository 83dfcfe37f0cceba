import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { InputError } from '../../src/errors';

/** Above this many bytes one input (a file, or one JSON Lines record) is refused unless the caller raises it. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Opens a file as a byte stream, gunzipping `.gz` on the way. */
export function openStream(file: string, gzip: boolean): Readable {
  const raw = fs.createReadStream(file);
  if (!gzip) return raw;
  const gunzip = zlib.createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/**
 * Reads a whole stream into memory, refusing it as soon as it passes `maxBytes`: a news article
 * is a few kilobytes, so a bigger input is almost surely not one (or a gzip bomb), and reading it
 * whole would cost memory for nothing.
 */
export async function readAll(stream: Readable, file: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buffer.length;
      if (total > maxBytes) {
        stream.destroy();
        throw tooLarge(file, total, maxBytes, 'file');
      }
      chunks.push(buffer);
    }
  } catch (error) {
    throw asInputError(error, file);
  }
  return Buffer.concat(chunks, total);
}

/** What `linesOfStream` yields for a line over the limit: its bytes were dropped unread. */
export const TOO_LONG = Symbol('line too long');

/**
 * Splits a byte stream into lines (without their end). A line longer than `maxBytes` is not
 * kept: its bytes are dropped as they come and TOO_LONG stands in for it, so one huge record
 * costs no memory and the lines after it are still read.
 */
export async function* linesOfStream(stream: Readable, file: string, maxBytes: number): AsyncGenerator<Buffer | typeof TOO_LONG> {
  let carry: Buffer[] = [];
  let carried = 0;
  let overflow = false;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      let at = 0;
      for (let nl = buffer.indexOf(0x0a, at); nl >= 0; nl = buffer.indexOf(0x0a, at)) {
        const piece = buffer.subarray(at, nl);
        if (overflow || carried + piece.length > maxBytes) yield TOO_LONG;
        else yield carried === 0 ? piece : Buffer.concat([...carry, piece]);
        carry = [];
        carried = 0;
        overflow = false;
        at = nl + 1;
      }
      if (at < buffer.length && !overflow) {
        carry.push(buffer.subarray(at));
        carried += buffer.length - at;
        if (carried > maxBytes) {
          overflow = true;
          carry = [];
          carried = 0;
        }
      }
    }
  } catch (error) {
    throw asInputError(error, file);
  }
  if (overflow) yield TOO_LONG;
  else if (carried > 0) yield Buffer.concat(carry);
}

/** `size` is exact when the file's length was known up front, a lower bound when reading stopped early. */
export function tooLarge(file: string, size: number, maxBytes: number, what: 'file' | 'line', exact = false, line?: number): InputError {
  const seen = exact ? humanBytes(size) : `more than ${humanBytes(maxBytes)}`;
  return new InputError(
    file,
    `${what} is ${seen}, over the ${humanBytes(maxBytes)} limit for one article (raise it with --max-input-size if it really is one article${what === 'file' ? ', or split it into JSON Lines' : ''})`,
    line,
  );
}

export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Turns file-system and zlib failures into one clear message naming the file. */
export function asInputError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem =
    code === 'EACCES' || code === 'EPERM'
      ? 'cannot read: permission denied'
      : code === 'ENOENT'
        ? 'no such file or folder'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
            ? 'not a valid gzip file (corrupt or truncated)'
            : `cannot read: ${error instanceof Error ? error.message : String(error)}`;
  return new InputError(file, problem, undefined, { cause: error });
}
