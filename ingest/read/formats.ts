import type { InputFormat } from '../../src/model/article';

const BY_EXTENSION: Record<string, InputFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

export interface FileKind {
  /** undefined: an extension graphwire does not read */
  format?: InputFormat;
  gzip: boolean;
}

/** The format a file name announces: "a.html.gz" is gzipped HTML. */
export function kindOf(file: string): FileKind {
  const name = file.toLowerCase();
  const gzip = name.endsWith('.gz');
  const inner = gzip ? name.slice(0, -3) : name;
  const dot = inner.lastIndexOf('.');
  const slash = Math.max(inner.lastIndexOf('/'), inner.lastIndexOf('\\'));
  const extension = dot > slash ? inner.slice(dot + 1) : '';
  return { format: BY_EXTENSION[extension], gzip };
}

/** Guesses the format of text that came without a name (standard input, an unknown extension). */
export function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 2000);
  if (/^(<!doctype html|<html|<head|<body|<article|<\?xml|<meta|<div|<p[\s>])/i.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // a first line that is a whole object, with more after it, is JSON Lines; one object over many lines is JSON
    const trimmed = text.trim();
    const newline = trimmed.indexOf('\n');
    return newline > 0 && isJson(trimmed.slice(0, newline)) ? 'jsonl' : 'json';
  }
  if (/^(---\r?\n|#{1,6} )/.test(head)) return 'md';
  return 'txt';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
