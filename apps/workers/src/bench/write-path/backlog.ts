import { randomUUID } from 'node:crypto';
import { ONTOLOGY_AGGREGATE } from '@spice/domain';
import type { BenchStack } from './bench-stack';
import { objectTypeDefined } from './append-bench';

const AGGREGATES = 32;
const EVENTS_PER_APPEND = 20;
const WRITERS = 8;

/**
 * A backlog for the projection alone (`pnpm bench:write <stack> projection`): `events` ObjectTypeDefined
 * events over 32 ontologies, appended 20 at a time so the seeding takes seconds, not the minutes of the
 * append phases. The projection sees one message per event either way.
 */
export async function seedBacklog(stack: BenchStack, events: number): Promise<void> {
  const aggregateIds = Array.from({ length: AGGREGATES }, (_, i) => `bench-${stack.runId}-backlog-${i}`);
  const appendsEach = Math.ceil(events / EVENTS_PER_APPEND / AGGREGATES);
  // Each writer appends to aggregates of its own, so no append conflicts with another.
  const writer = async (w: number) => {
    const own = aggregateIds.filter((_, i) => i % WRITERS === w);
    for (let round = 0; round < appendsEach; round++) {
      for (const aggregateId of own) {
        const expectedSeq = round * EVENTS_PER_APPEND;
        await stack.system.events.append({
          aggregateType: ONTOLOGY_AGGREGATE,
          aggregateId,
          expectedSeq,
          events: Array.from({ length: EVENTS_PER_APPEND }, (_, i) => objectTypeDefined(stack.runId, aggregateId, expectedSeq + i + 1)),
          context: { commandId: randomUUID(), actor: 'bench@spice.local' },
        });
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}
