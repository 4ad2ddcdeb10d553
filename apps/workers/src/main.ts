import { ConfigError, createSystem, loadConfig } from '@spice/adapters';

/**
 * The workers process for the real stack: the event relay and the projections. In the embedded default
 * the web process runs them itself (PGlite is single-process), so this entry point refuses to start there.
 */
async function main() {
  const config = loadConfigOrExit();
  if (config.relational.kind === 'pglite') {
    console.error('The workers process needs DATABASE_URL: with embedded PGlite the web process runs the workers itself.');
    process.exit(2);
  }
  const system = await createSystem(config);
  await system.startWorkers();
  const shutdown = async (signal: string) => {
    system.logger.info({ signal }, 'stopping workers');
    await system.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

function loadConfigOrExit() {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

void main();
