import type { BenchStack } from './bench-stack';
import { latencySummary } from './stats';

export interface CommandToVisibleFigure {
  readonly commands: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Command-to-visible latency of the slice: from the service call that defines an object type (the code the
 * tRPC procedure calls) to the moment the object-type read model lists it, polled every 2 ms. The relay and
 * the projection run in this process, as in the embedded web process, on the stack's own topic and group.
 */
export async function measureCommandToVisible(
  stack: BenchStack,
  commands: number,
): Promise<CommandToVisibleFigure> {
  const { system } = stack;
  await system.startWorkers({ topic: stack.topic, groupId: `bench.${stack.runId}.visible` });
  const actor = { id: 'bench@spice.local' };
  const ontologyId = `bench-${stack.runId}`;
  await system.ontology.createOntology({ ontologyId, displayName: 'Benchmark' }, actor);

  const latencies: number[] = [];
  for (let i = 0; i < commands; i++) {
    const apiName = `Bench${i.toString(36).toUpperCase()}`;
    const started = performance.now();
    await system.ontology.defineObjectType(
      ontologyId,
      {
        apiName,
        displayName: apiName,
        properties: [{ apiName: 'key', displayName: 'Key', dataType: 'string', required: true }],
        primaryKey: 'key',
      },
      actor,
    );
    for (;;) {
      const listed = await system.ontology.listObjectTypes(ontologyId);
      if (listed.some((t) => t.apiName === apiName)) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    latencies.push(performance.now() - started);
  }
  const { p50Ms, p95Ms, p99Ms, maxMs } = latencySummary(latencies);
  return { commands, p50Ms, p95Ms, p99Ms, maxMs };
}
