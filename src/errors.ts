/**
 * The errors graphwire reports to people. Each says what went wrong and, where it can, how to fix it;
 * the CLI maps them to exit codes, so library code never calls process.exit.
 */

/** Exit codes that mean something to scripts calling graphwire. */
export const ExitCode = {
  ok: 0,
  /** something unexpected failed */
  failure: 1,
  /** wrong flags, arguments or configuration */
  usage: 2,
  /** the command ran, but some inputs failed and were skipped */
  partial: 3,
  /** no Neo4j could be reached or started */
  neo4jUnavailable: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class GraphwireError extends Error {
  readonly exitCode: ExitCode = ExitCode.failure;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A flag, environment variable or configuration value is wrong. */
export class ConfigError extends GraphwireError {
  override readonly exitCode = ExitCode.usage;
}

/** One input (file, line) cannot be read; the batch goes on without it. */
export class InputError extends GraphwireError {
  override readonly exitCode = ExitCode.partial;
  constructor(
    readonly file: string,
    problem: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`, options);
  }
}

/** A pipeline stage failed on one article. */
export class StageError extends GraphwireError {
  constructor(
    readonly stage: string,
    readonly article: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${stage} failed on ${article}: ${problem}`, options);
  }
}

/** Neither a configured Neo4j nor the bundled one can be reached. */
export class Neo4jUnavailableError extends GraphwireError {
  override readonly exitCode = ExitCode.neo4jUnavailable;
}

export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof GraphwireError ? error.exitCode : ExitCode.failure;
}
