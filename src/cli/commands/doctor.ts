import type { Command } from 'commander';
import { runChecks } from '../../doctor';
import { ExitCode } from '../../errors';
import type { CliContext } from '../context';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export function registerDoctor(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description('check Node, Java, Maven, Neo4j connectivity, ports and the data directory, and say what to fix (exit 1 on a failure)')
    .option('--json', 'print the checks as JSON')
    .action(async (options: { json?: boolean }) => {
      const results = await runChecks(context.config(), { env: process.env, nodeVersion: process.version });
      if (options.json) {
        context.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      } else {
        const width = Math.max(...results.map((r) => r.name.length));
        for (const r of results) {
          context.stdout.write(`${MARK[r.status]}  ${r.name.padEnd(width)}  ${r.detail}\n`);
          if (r.fix) context.stdout.write(`      ${' '.repeat(width)}  fix: ${r.fix}\n`);
        }
      }
      if (results.some((r) => r.status === 'fail')) context.exitCode = ExitCode.failure;
    });
}
