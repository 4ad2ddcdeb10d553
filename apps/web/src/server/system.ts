import { createSystem, loadConfig, type System } from '@spice/adapters';
import { seedDemoWorkspace } from '@spice/domain';

/**
 * The web server's one bootstrap: the only place (besides loadConfig) that reads process.env.
 * The system lives on globalThis so Next dev's hot reloads and Next's separately bundled entries
 * (instrumentation, route handlers, pages) share ONE instance — PGlite is single-process, single-owner.
 */
const holder = globalThis as typeof globalThis & { __spiceSystem?: Promise<System> };

export function getSystem(): Promise<System> {
  holder.__spiceSystem ??= boot();
  return holder.__spiceSystem;
}

async function boot(): Promise<System> {
  const config = loadConfig(process.env);
  const system = await createSystem(config);
  // The in-process bus only reaches consumers in this process, so the embedded default runs its workers here.
  if (config.bus.kind === 'in-process' || process.env.SPICE_RUN_WORKERS === '1') await system.startWorkers();
  // The demo is a courtesy to a newcomer: a store it no longer fits (an ontology deleted under it) costs the demo, not the start.
  if (process.env.SPICE_SEED_DEMO !== '0')
    await seedDemoWorkspace(system.ontology, { id: config.devActor }).catch((e: unknown) => system.logger.warn({ err: e }, 'the demo workspace was not seeded'));
  system.logger.info({ relational: config.relational.kind, bus: config.bus.kind, search: config.search.kind }, 'web system ready');
  return system;
}
