import type { Command } from 'commander';
import { resolveConfig, type Config, type ConfigFlags } from '../config';

/** What a command needs from the outside world; only the CLI layer reads argv and env. */
export interface CliContext {
  /** the configuration, resolved once from global flags and the environment */
  config(): Config;
  /** data goes here */
  stdout: NodeJS.WriteStream;
  /** messages, progress and errors go here */
  stderr: NodeJS.WriteStream;
  /** --quiet: no progress, no chatter; errors still reported */
  quiet(): boolean;
  /** a message for people (stderr), silenced by --quiet */
  say(message: string): void;
  /** a warning (stderr), shown even with --quiet */
  warn(message: string): void;
  /** the exit code the run ends with; commands raise it (e.g. to ExitCode.partial) instead of exiting */
  exitCode: number;
}

/** A command module adds its subcommand(s) to the program. */
export type CommandRegistrar = (program: Command, context: CliContext) => void;

export function createContext(program: Command, env: Record<string, string | undefined>): CliContext {
  let resolved: Config | undefined;
  const globals = (): Record<string, unknown> => program.opts();
  const context: CliContext = {
    config() {
      if (resolved === undefined) {
        const o = globals();
        const flags: ConfigFlags = {
          home: o.home as string | undefined,
          neo4jUri: o.neo4jUri as string | undefined,
          neo4jUsername: o.neo4jUsername as string | undefined,
          neo4jPassword: o.neo4jPassword as string | undefined,
          neo4jDatabase: o.neo4jDatabase as string | undefined,
          neo4jPort: o.neo4jPort as string | undefined,
        };
        resolved = resolveConfig({ env, flags });
      }
      return resolved;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    quiet: () => globals().quiet === true,
    say(message) {
      if (!context.quiet()) context.stderr.write(`${message}\n`);
    },
    warn(message) {
      context.stderr.write(`graphwire: warning: ${message}\n`);
    },
    exitCode: 0,
  };
  return context;
}
