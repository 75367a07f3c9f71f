import { ConfigError, loadConfig } from '../infra/config/config.js';
import { createLogger } from '../infra/logging/logger.js';
import { createTramit, type Tramit } from './tramit.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running: { tramit?: Tramit } = {};
  let stopping = false;

  // Installed before anything starts, so a signal during start-up is handled too.
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const hardStop = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 1_000);
    hardStop.unref();
    (running.tramit?.close() ?? Promise.resolve()).then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const tramit = await createTramit(config, logger);
  running.tramit = tramit;
  if (stopping) {
    await tramit.close();
    return;
  }
  // Imported only outside production, so a production server never loads the demo folder.
  const demoAccounts = config.production ? undefined : await import('../../demo/demo-accounts.js');
  const demo = await demoAccounts?.seedDemoAccounts(tramit.db, config.demoPassword);
  const url = await tramit.listen();
  logger.info(
    { url, database: config.database.kind, env: config.env, routes: tramit.routes.length },
    'Tramit is listening',
  );
  if (demoAccounts && demo) process.stdout.write(`${demoAccounts.formatDemoBanner(demo, url)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Tramit failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
