import fastifyStatic from '@fastify/static';
import { PassThrough } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, exportGraph, FORMAT_INFO, type ExportFormat } from '../export';
import { Neo4jUnavailableError } from '../errors';
import { DEFAULT_READ_LIMITS, runPreset, runUserCypher, type PresetCatalog, type QueryResult, type QueryTarget, type ReadLimits } from '../query';
import { bearerMatches } from './auth';
import { completionQuery } from './completion';
import { errorAnswer, HttpError } from './errors';
import { DEFAULT_CONCURRENCY, QueryGate, type ConcurrencyLimits } from './limit';

export interface AppOptions {
  /** the Neo4j driver (and database) every query goes to; the caller owns and closes it */
  query: QueryTarget;
  presets: PresetCatalog;
  /** time and row limits of every query; default 10 s, 1000 rows */
  limits?: Partial<ReadLimits>;
  /** when set, every request must carry `Authorization: Bearer <token>` */
  token?: string;
  /** largest request body in bytes; default 64 KiB */
  bodyLimit?: number;
  /** a folder served at / (the viewer); absent: only /api exists */
  staticDir?: string;
  /** fastify's request log; default off */
  logger?: boolean;
  /** queries running and waiting at once; past both, requests get 503; default 16 and 256 */
  concurrency?: Partial<ConcurrencyLimits>;
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The presets `GET /api/entities` and `GET /api/entity/:id` run; they must be in the catalog. */
const SEARCH_PRESET = 'search';
const ENTITY_PRESET = 'entity';

const presetName = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 } as const;

/** Builds the HTTP API; it does not listen (tests start it on a free port, `serve` on the configured one). */
export function createApp(options: AppOptions): FastifyInstance {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const { presets, query, token } = options;
  const gate = new QueryGate({ ...DEFAULT_CONCURRENCY, ...options.concurrency });
  const preset = (p: Parameters<typeof runPreset>[1], params: Record<string, unknown>): Promise<QueryResult> =>
    gate.run(() => runPreset(query, p, params, limits));
  for (const needed of [SEARCH_PRESET, ENTITY_PRESET]) presets.get(needed);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // the default removeAdditional would silently drop unknown body fields instead of refusing them
    ajv: { customOptions: { removeAdditional: false } },
  });

  // every body is JSON; the built-in text/plain parser would hand a string to routes that expect an object
  app.removeContentTypeParser('text/plain');

  if (token !== undefined) {
    app.addHook('onRequest', async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer');
        throw new HttpError(401, 'unauthorized', 'this server needs an API token: send Authorization: Bearer <token>');
      }
    });
  }

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorAnswer(error);
    if (status >= 500) request.log.error(error);
    if (status === 503) reply.header('retry-after', '1');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  app.get('/api/health', async () => {
    try {
      const info = await query.driver.getServerInfo({ database: query.database });
      return { status: 'ok', neo4j: { address: info.address ?? null, agent: info.agent ?? null }, presets: presets.presets.length };
    } catch (error) {
      throw new Neo4jUnavailableError(`Neo4j is not answering: ${(error as Error).message}`, { cause: error });
    }
  });

  app.get('/api/presets', async () => ({
    presets: presets.presets.map((p) => ({ name: p.name, description: p.description, params: p.params })),
  }));

  app.get<{ Params: { name: string } }>('/api/presets/:name', { schema: { params: { type: 'object', properties: { name: presetName } } } }, async (request) => {
    const p = presets.get(request.params.name);
    return { name: p.name, description: p.description, params: p.params, cypher: p.cypher };
  });

  app.post<{ Params: { name: string }; Body: Record<string, unknown> | undefined }>(
    '/api/presets/:name',
    {
      schema: { params: { type: 'object', properties: { name: presetName } }, body: { type: 'object', maxProperties: 64 } },
      // a preset with defaults for everything may be run with no body at all
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request): Promise<QueryResult> => preset(presets.get(request.params.name), request.body ?? {}),
  );

  app.post<{ Body: { cypher: string; params?: Record<string, unknown> } }>(
    '/api/cypher',
    {
      schema: {
        body: {
          type: 'object',
          required: ['cypher'],
          additionalProperties: false,
          properties: { cypher: { type: 'string', minLength: 1, maxLength: 20_000 }, params: { type: 'object', maxProperties: 64 } },
        },
      },
    },
    async (request): Promise<QueryResult> => gate.run(() => runUserCypher(query, request.body.cypher, request.body.params ?? {}, limits)),
  );

  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/entities',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['q'],
          properties: { q: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
        },
      },
    },
    async (request): Promise<QueryResult> => {
      const q = completionQuery(request.query.q);
      if (q === undefined) return { columns: [], rows: [], nodes: [], edges: [], truncated: false };
      return preset(presets.get(SEARCH_PRESET), { q, limit: request.query.limit });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/entity/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } } } } },
    async (request): Promise<QueryResult> => {
      const result = await preset(presets.get(ENTITY_PRESET), { id: request.params.id });
      if (result.rows.length === 0) throw new HttpError(404, 'unknown_entity', `no entity with id "${request.params.id}"`);
      return result;
    },
  );

  app.get<{ Params: { format: ExportFormat }; Querystring: { articles?: boolean } }>(
    '/api/export/:format',
    {
      schema: {
        params: { type: 'object', properties: { format: { type: 'string', enum: [...EXPORT_FORMATS] } } },
        querystring: { type: 'object', properties: { articles: { type: 'boolean' } }, additionalProperties: false },
      },
    },
    async (request, reply) => {
      const { format } = request.params;
      const info = FORMAT_INFO[format];
      const release = await gate.acquire();
      const out = new PassThrough();
      out.once('close', release);
      // streamed: a large graph never sits in memory; an error mid-way ends the download short rather than hanging it
      exportGraph(query.driver, format, out, { database: query.database, includeArticles: request.query.articles === true }).then(
        () => out.end(),
        (error: unknown) => {
          request.log.error(error);
          out.destroy(error as Error);
        },
      );
      return reply
        .header('content-type', info.contentType)
        .header('content-disposition', `attachment; filename="graphwire${info.extension}"`)
        .send(out);
    },
  );

  if (options.staticDir !== undefined) {
    app.register(fastifyStatic, { root: options.staticDir, prefix: '/', index: 'index.html' });
  }
  return app;
}
