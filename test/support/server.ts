import type { FastifyInstance } from 'fastify';
import type { QueryTarget } from '../../src/query';
import { loadPresets } from '../../src/query';
import { createApp, type AppOptions } from '../../src/server';

/** Starts API servers on free loopback ports for a suite, and closes every one of them afterwards. */
export function apiServers(query: () => QueryTarget) {
  const presets = loadPresets();
  const started: FastifyInstance[] = [];
  return {
    async start(options: Partial<AppOptions> = {}): Promise<string> {
      const app = createApp({ query: query(), presets, ...options });
      started.push(app);
      return app.listen({ host: '127.0.0.1', port: 0 });
    },
    async closeAll(): Promise<void> {
      for (const app of started.splice(0)) await app.close();
    },
  };
}
