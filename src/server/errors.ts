import { Neo4jUnavailableError } from '../errors';
import { CypherError, ParameterError, QueryRefusedError, QueryTimeoutError, UnknownPresetError } from '../query';

/** Every error answer has this body; the status says the class of problem, `error` a stable code, `message` the detail. */
export interface ErrorBody {
  error: string;
  message: string;
}

export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
}

/** Thrown by handlers for answers that are not query errors (an unknown entity). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  validation?: unknown;
  message: string;
}

/** Maps an error to a status and a JSON body; never exposes a stack, and hides the text of unexpected errors. */
export function errorAnswer(error: unknown): ErrorAnswer {
  const answer = (status: number, code: string, message: string): ErrorAnswer => ({ status, body: { error: code, message } });
  if (error instanceof HttpError) return answer(error.status, error.code, error.message);
  if (error instanceof ParameterError) return answer(400, 'bad_parameter', error.message);
  if (error instanceof UnknownPresetError) return answer(404, 'unknown_preset', error.message);
  if (error instanceof QueryRefusedError) return answer(403, 'read_only', error.message);
  if (error instanceof CypherError) return answer(400, 'cypher_error', error.message);
  if (error instanceof QueryTimeoutError) return answer(408, 'timeout', error.message);
  if (error instanceof Neo4jUnavailableError) return answer(503, 'neo4j_unavailable', error.message);
  const e = error as FastifyLikeError;
  if (e && e.validation) return answer(400, 'bad_request', e.message);
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return answer(413, 'body_too_large', 'the request body is larger than the server accepts');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return answer(415, 'unsupported_media_type', 'send the body as application/json');
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return answer(e.statusCode, 'bad_request', e.message);
  return answer(500, 'internal', 'internal error; the server log has the details');
}
