/**
 * Regenerates the README's generated sections from their sources, so they cannot drift:
 *   - CLI reference: from the commander program's own help (`graphwire <command> --help`);
 *   - preset list: from the headers of queries/*.cypher.
 * `npm run readme` rewrites README.md; test/unit/readme.test.ts fails when README.md is out of date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/main';
import { loadPresets, type ParamSpec } from '../src/query';

const README = path.join(__dirname, '..', 'README.md');

export interface GeneratedSection {
  name: string;
  render(): string;
}

function helpOf(command: Command): string {
  // a fixed width, so the reference does not depend on the terminal it was generated in
  command.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
  return command.helpInformation().trimEnd();
}

function walk(command: Command, trail: string[]): string[] {
  const name = [...trail, command.name()].join(' ');
  const blocks = [`### \`${name}\`\n\n\`\`\`text\n${helpOf(command)}\n\`\`\``];
  for (const sub of command.commands) {
    if (sub.name() === 'help') continue;
    blocks.push(...walk(sub, [...trail, command.name()]));
  }
  return blocks;
}

function param(p: ParamSpec): string {
  const range = p.min !== undefined || p.max !== undefined ? ` ${p.min ?? ''}..${p.max ?? ''}` : '';
  const fallback = p.default === undefined ? ', required' : ` = ${JSON.stringify(p.default)}`;
  return `\`${p.name}\` (${p.type}${range}${fallback})`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export const SECTIONS: GeneratedSection[] = [
  {
    name: 'cli-reference',
    render: () => walk(buildProgram({}), []).join('\n\n'),
  },
  {
    name: 'presets',
    render: () =>
      [
        '| preset | what it answers | parameters |',
        '|---|---|---|',
        ...loadPresets().presets.map((p) => `| \`${p.name}\` | ${cell(p.description)} | ${p.params.map(param).join(', ') || '—'} |`),
      ].join('\n'),
  },
];

/** README text with every generated section replaced by its current rendering. */
export function regenerate(readme: string): string {
  let out = readme;
  for (const section of SECTIONS) {
    const start = `<!-- generated:${section.name}:start (npm run readme) -->`;
    const end = `<!-- generated:${section.name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
    out = `${out.slice(0, from + start.length)}\n${section.render()}\n${out.slice(to)}`;
  }
  return out;
}

if (require.main === module) {
  const current = fs.readFileSync(README, 'utf8');
  const next = regenerate(current);
  if (next !== current) fs.writeFileSync(README, next);
  console.log(next === current ? 'README.md is up to date' : 'README.md regenerated');
}
