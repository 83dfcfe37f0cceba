import type { FastifyInstance } from 'fastify';
import { isLoopback } from '../config';
import { ConfigError } from '../errors';
import { createApp, type AppOptions } from './app';
import { MIN_TOKEN_LENGTH } from './auth';

export interface ServeOptions extends AppOptions {
  host: string;
  /** 0 picks a free port */
  port: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 7070;

/**
 * Checks the binding is safe, then starts the API. Loopback needs no token; any other address does, because
 * the API reads the whole graph. Resolves once listening, with the address it listens on.
 */
export async function serve(options: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  checkBinding(options.host, options.token);
  const app = createApp(options);
  const url = await app.listen({ host: options.host, port: options.port });
  return { app, url };
}

export function checkBinding(host: string, token: string | undefined): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`the API token is too short (${token.length} characters): use at least ${MIN_TOKEN_LENGTH}, e.g. from openssl rand -hex 24`);
  }
  if (!isLoopback(host) && token === undefined) {
    throw new ConfigError(`listening on ${host} opens the graph to the network: give an API token with --token or GRAPHWIRE_API_TOKEN, or keep the default host 127.0.0.1`);
  }
}
