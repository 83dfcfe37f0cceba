import { InputError } from '../../src/errors';

export interface Decoded {
  text: string;
  /** set when bytes were not valid UTF-8 and were replaced with U+FFFD */
  warning?: InputError;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Bytes to text. Refuses what is empty or binary (an image, a PDF, a zip saved with a text
 * name); decodes invalid UTF-8 with replacement characters and says how many bytes were bad.
 */
export function decode(bytes: Uint8Array, file: string, line?: number): Decoded {
  if (bytes.length === 0 || isBlank(bytes)) throw new InputError(file, 'empty file, nothing to read', line);
  const binary = binaryReason(bytes);
  if (binary) throw new InputError(file, `looks like binary data, not text (${binary})`, line);
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const text = lenient.decode(bytes);
    const replaced = countReplacements(text) - countReplacements(lenientOfValid(bytes));
    return {
      text,
      warning: new InputError(
        file,
        `not valid UTF-8: ${replaced} invalid byte sequence(s) replaced with \uFFFD (if it is Latin-1 or Windows-1252, convert it to UTF-8, e.g. with iconv)`,
        line,
      ),
    };
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** A NUL byte, or many control characters, in the first 8 KB: text files have neither. */
function binaryReason(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return 'it contains NUL bytes';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  if (controls > head.length * 0.05) return `${controls} control bytes in the first ${head.length}`;
  return undefined;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** U+FFFD that were in the file as real characters do not count as damage. */
function lenientOfValid(bytes: Uint8Array): string {
  // the UTF-8 encoding of U+FFFD is EF BF BD
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return '\uFFFD'.repeat(n);
}
