import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createSystem, loadConfig } from '@spice/adapters';

/**
 * Command-to-visible latency of the slice: from the tRPC-level service call that defines an object type
 * to the moment the object-type read model lists it. Usage:
 *   pnpm bench:slice embedded      (fresh embedded data dir)
 *   pnpm bench:slice real          (needs `eval "$(bash scripts/stack env)"`)
 */
const mode = process.argv[2] ?? 'embedded';
const commands = Number(process.argv[3] ?? 200);

const config =
  mode === 'embedded'
    ? loadConfig({ SPICE_DATA_DIR: mkdtempSync(join(tmpdir(), 'spice-bench-')) })
    : loadConfig({ ...process.env, SPICE_DATA_DIR: mkdtempSync(join(tmpdir(), 'spice-bench-')) });
const system = await createSystem(config, createLogger('warn'));
await system.startWorkers();
const actor = { id: 'bench@spice.local' };
const ontologyId = `bench-${Date.now().toString(36)}`;
await system.ontology.createOntology({ ontologyId, displayName: 'Benchmark' }, actor);

const latencies: number[] = [];
for (let i = 0; i < commands; i++) {
  const apiName = `Bench${i.toString(36).toUpperCase()}`;
  const started = performance.now();
  await system.ontology.defineObjectType(
    ontologyId,
    { apiName, displayName: apiName, properties: [{ apiName: 'key', displayName: 'Key', dataType: 'string', required: true }], primaryKey: 'key' },
    actor,
  );
  for (;;) {
    const listed = await system.ontology.listObjectTypes(ontologyId);
    if (listed.some((t) => t.apiName === apiName)) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  latencies.push(performance.now() - started);
}
await system.stop();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
const adapters = `${config.relational.kind}, ${config.objectStore.kind}, ${config.bus.kind}, ${config.search.kind}`;
console.log(
  JSON.stringify({ mode, adapters, commands, p50Ms: +pct(50).toFixed(1), p95Ms: +pct(95).toFixed(1), p99Ms: +pct(99).toFixed(1), maxMs: +latencies.at(-1)!.toFixed(1) }),
);
process.exit(0);
