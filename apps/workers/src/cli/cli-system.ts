import { isAbsolute, resolve } from 'node:path';
import { ConfigError, createLogger, createSystem, loadConfig, type System } from '@spice/adapters';
import { isDomainError } from '@spice/domain';

/** Exit codes: 1 the command failed, 2 it could not start (usage or configuration). */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * The CLI's environment, read once here. `pnpm spice` runs inside apps/workers, so a relative SPICE_DATA_DIR
 * (and the default ./.spice) is taken from where the user typed the command (pnpm's INIT_CWD), the same
 * directory `pnpm start` uses from the repository root.
 */
function cliEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const from = env.INIT_CWD ?? process.cwd();
  const dataDir = env.SPICE_DATA_DIR?.trim() || './.spice';
  return { ...env, SPICE_DATA_DIR: isAbsolute(dataDir) ? dataDir : resolve(from, dataDir), LOG_LEVEL: env.LOG_LEVEL || 'warn' };
}

/** Builds the system like the workers do (no relay, no consumers), runs one command on it and closes it. */
export async function withSystem<T>(work: (system: System) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(cliEnv(process.env));
  } catch (e) {
    if (e instanceof ConfigError) throw new CliFailure(e.message, EXIT_USAGE);
    throw e;
  }
  const system = await createSystem(config, createLogger(config.logLevel, 'spice-cli', 2)).catch((e: unknown) => {
    throw asFailure(e);
  });
  try {
    return await work(system);
  } catch (e) {
    throw asFailure(e);
  } finally {
    await system.stop();
  }
}

function asFailure(e: unknown): unknown {
  if (isDomainError(e)) return new CliFailure(`${e.message} [${e.code}]`, EXIT_FAILED);
  return e;
}
