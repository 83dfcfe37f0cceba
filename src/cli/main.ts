import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { packageRoot } from '../util/package-root';
import { exitCodeOf, ExitCode, GraphwireError } from '../errors';
import { createContext, type CliContext } from './context';
import { commands } from './commands';

/** Builds the commander program; exported so the README's CLI reference is generated from it. */
export function buildProgram(env: Record<string, string | undefined> = process.env): Command {
  return buildProgramWithContext(env).program;
}

function buildProgramWithContext(env: Record<string, string | undefined>): { program: Command; context: CliContext } {
  const program = new Command('graphwire')
    .description('Build a knowledge graph from news articles and load it into Neo4j.')
    .version(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version as string)
    .option('--home <dir>', 'where graphwire keeps its data (env GRAPHWIRE_HOME, default ~/.graphwire)')
    .option('--neo4j-uri <uri>', 'use this Neo4j server instead of the bundled one (env NEO4J_URI)')
    .option('--neo4j-username <name>', 'user for --neo4j-uri (env NEO4J_USERNAME, default neo4j)')
    .option('--neo4j-password <password>', 'password for --neo4j-uri (env NEO4J_PASSWORD)')
    .option('--neo4j-database <name>', 'database name (env NEO4J_DATABASE, default: the server default)')
    .option('--neo4j-port <port>', 'Bolt port of the bundled server (env GRAPHWIRE_NEO4J_PORT, default 7688; 0 = any free port)')
    .option('-q, --quiet', 'no progress bars or messages; errors are still reported')
    .showHelpAfterError('(run graphwire --help for usage)')
    .exitOverride();
  const context = createContext(program, env);
  for (const register of commands) register(program, context);
  return { program, context };
}

/** Runs the CLI and resolves to its exit code; never calls process.exit itself. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const { program, context } = buildProgramWithContext(env);
  try {
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version also arrive here, with exit code 0
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    reportError(error);
    return exitCodeOf(error);
  }
}

function reportError(error: unknown): void {
  if (error instanceof GraphwireError) {
    process.stderr.write(`graphwire: ${error.message}\n`);
    if (process.env.GRAPHWIRE_DEBUG && error.stack) process.stderr.write(`${error.stack}\n`);
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`graphwire: unexpected error (please report it): ${detail}\n`);
  }
}
