import type { Command } from 'commander';
import { loadPresets, type ParamSpec } from '../../query';
import type { CliContext } from '../context';

export function registerPresets(program: Command, context: CliContext): void {
  program
    .command('presets')
    .description('list the Cypher query presets (queries/*.cypher) with their parameters')
    .option('--json', 'print them as JSON')
    .action((options: { json?: boolean }) => {
      const { presets } = loadPresets();
      if (options.json) {
        const list = presets.map((p) => ({ name: p.name, description: p.description, params: p.params, file: p.file }));
        context.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const lines: string[] = [];
      for (const p of presets) {
        lines.push(`${p.name}`, `    ${p.description}`);
        for (const param of p.params) lines.push(`    --param ${paramLine(param)}`);
        lines.push('');
      }
      lines.push('Run one with: graphwire query PRESET --param name=value …');
      context.stdout.write(`${lines.join('\n')}\n`);
    });
}

function paramLine(p: ParamSpec): string {
  const range = p.min !== undefined || p.max !== undefined ? ` ${p.min ?? ''}..${p.max ?? ''}` : '';
  const value = p.default === undefined ? ' (required)' : ` (default ${JSON.stringify(p.default)})`;
  return `${p.name}=<${p.type}${range}>${value}${p.description ? `  ${p.description}` : ''}`;
}
