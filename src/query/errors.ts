import { ExitCode, GraphwireError } from '../errors';

/**
 * What can go wrong running a query, each a kind of GraphwireError so the CLI maps it to an exit code;
 * the HTTP server maps them to 4xx statuses by class.
 */

/** A preset parameter is unknown, missing or of the wrong type. */
export class ParameterError extends GraphwireError {
  override readonly exitCode = ExitCode.usage;
  constructor(
    readonly parameter: string,
    problem: string,
  ) {
    super(`parameter "${parameter}": ${problem}`);
  }
}

/** No preset has this name. */
export class UnknownPresetError extends GraphwireError {
  override readonly exitCode = ExitCode.usage;
  constructor(
    readonly preset: string,
    known: readonly string[],
  ) {
    super(`no preset named "${preset}"; the presets are: ${known.join(', ')} (graphwire presets lists them with their parameters)`);
  }
}

/** The query would write to the database or reach outside it; only read queries run here. */
export class QueryRefusedError extends GraphwireError {
  override readonly exitCode = ExitCode.usage;
}

/** Neo4j rejected the query (syntax, semantics, a failing procedure); the message is Neo4j's own. */
export class CypherError extends GraphwireError {
  override readonly exitCode = ExitCode.usage;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The query ran past its time limit and was stopped by the server. */
export class QueryTimeoutError extends GraphwireError {}
