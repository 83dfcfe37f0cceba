/** A line or paragraph of the original text: [start, end) without its surrounding whitespace. */
export interface Block {
  start: number;
  end: number;
  text: string;
}

/** Non-blank lines, trimmed, with their offsets. */
export function linesOf(text: string): Block[] {
  const lines: Block[] = [];
  const pattern = /[^\r\n\u2028\u2029]+/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) continue;
    lines.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return lines;
}

/** Paragraphs: runs of non-blank lines separated by at least one blank line. */
export function paragraphsOf(text: string, lines: readonly Block[] = linesOf(text)): Block[] {
  const paragraphs: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    if (current !== undefined && !/\n[^\S\n]*\r?\n|\r[^\S\r]*\r/.test(text.slice(current.end, line.start))) {
      current.end = line.end;
      current.text = text.slice(current.start, current.end);
      continue;
    }
    current = { ...line };
    paragraphs.push(current);
  }
  return paragraphs;
}
