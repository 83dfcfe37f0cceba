import type { Command } from 'commander';
import { BundledNeo4j, resolveTarget } from '../../neo4j';
import type { CliContext } from '../context';

/**
 * The main job for a new user (`npm start`): the bundled Neo4j (or NEO4J_URI), then the pipeline stages as they
 * exist, in the foreground until Ctrl-C, which stops what this command started.
 */
export function registerStart(program: Command, context: CliContext): void {
  program
    .command('start')
    .description('the main job: start the bundled Neo4j (or use NEO4J_URI) and keep it up until Ctrl-C')
    .action(async () => {
      const config = context.config();
      const wasRunning = config.external ? true : new BundledNeo4j(config.home, config.bundled).status().running;
      const target = await resolveTarget(config, { log: context.say });
      context.say(`Neo4j is ready at ${target.uri}${target.bundled ? ` (bundled; data in ${config.home})` : ''}.`);
      context.say('Not built yet: ingesting the example articles and the viewer (see the open issues in the README).');
      context.say('Press Ctrl-C to stop.');
      await waitForSignal();
      if (target.bundled && !wasRunning) {
        context.say('Stopping the bundled Neo4j…');
        await new BundledNeo4j(config.home, config.bundled).stop();
      }
    });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    // signal listeners alone do not keep Node's event loop alive
    const keepAlive = setInterval(() => {}, 1 << 30);
    const done = (): void => {
      clearInterval(keepAlive);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
