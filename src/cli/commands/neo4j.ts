import type { Command } from 'commander';
import { ExitCode } from '../../errors';
import { BundledNeo4j } from '../../neo4j';
import type { CliContext } from '../context';

export function registerNeo4j(program: Command, context: CliContext): void {
  const group = program
    .command('neo4j')
    .description('start, stop or inspect the bundled Neo4j server of this GRAPHWIRE_HOME');

  const server = (): BundledNeo4j => {
    const config = context.config();
    return new BundledNeo4j(config.home, config.bundled, { log: context.say, warn: context.warn });
  };

  group
    .command('start')
    .description('start the bundled Neo4j in the background (builds it with Maven on first use) and wait until it answers')
    .action(async () => {
      const result = await server().start();
      const { state } = result;
      if (result.alreadyRunning) {
        context.say(`The bundled Neo4j is already running (pid ${state.pid}).`);
      } else {
        context.say(`Started the bundled Neo4j in ${((result.startupMs ?? 0) / 1000).toFixed(1)} s.`);
      }
      context.stdout.write(`${state.uri}\n`);
    });

  group
    .command('stop')
    .description('stop the bundled Neo4j cleanly')
    .action(async () => {
      const result = await server().stop();
      context.say(result.stopped ? `Stopped the bundled Neo4j (pid ${result.pid}).` : 'The bundled Neo4j was not running.');
    });

  group
    .command('status')
    .description('say whether the bundled Neo4j runs, where, and with which credentials file; exit 1 when it does not run')
    .option('--json', 'print the status as JSON')
    .action((options: { json?: boolean }) => {
      const bundled = server();
      const status = bundled.status();
      const config = context.config();
      const report = {
        running: status.running,
        stale: status.stale,
        home: bundled.paths.root,
        ...(status.running && status.state
          ? {
              pid: status.state.pid,
              uri: status.state.uri,
              username: status.state.username,
              passwordFile: status.state.auth ? bundled.paths.passwordFile : null,
              startedAt: status.state.startedAt,
            }
          : {}),
        externalUri: config.external?.uri ?? null,
      };
      if (options.json) {
        context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else if (report.running) {
        context.stdout.write(
          [
            `running    yes (pid ${report.pid}, since ${report.startedAt})`,
            `uri        ${report.uri}`,
            `user       ${report.username}`,
            `password   ${report.passwordFile ? `in ${report.passwordFile}` : '(authentication off, loopback only)'}`,
            `data       ${report.home}`,
          ].join('\n') + '\n',
        );
      } else {
        context.stdout.write(`running    no${report.stale ? ' (it stopped without a clean shutdown: the next start recovers)' : ''}\ndata       ${report.home}\n`);
      }
      if (report.externalUri) {
        context.say(`Note: NEO4J_URI is set (${report.externalUri}); commands use that server, not the bundled one.`);
      }
      if (!report.running) context.exitCode = ExitCode.failure;
    });
}
