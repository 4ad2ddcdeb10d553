import { expect } from 'vitest';
import { eventuallyReadModelsMatch } from '../../testing/read-model-oracle';
import type { TestStack } from './test-stacks.int-support';
import { seedOntologies, type Seeded } from './ontology-fixtures.int-support';
import { ConsumerProcess } from './consumer-process.int-support';
import type { FaultPoint } from './fault-points.int-support';
import { countPerEvent, expectEveryEventAppliedOnce } from './registry-checks.int-support';

export interface Kill {
  readonly point: FaultPoint;
  /** The event the process was holding at the point when it was killed. */
  readonly heldEventId: string;
  readonly process: ConsumerProcess;
  /** The processes started after this one (the last ran to the end). */
  readonly successors: readonly ConsumerProcess[];
}

export interface CrashChain {
  readonly seeded: Seeded;
  readonly kills: ReadonlyMap<FaultPoint, Kill>;
  readonly processes: readonly ConsumerProcess[];
}

/**
 * Appends ontology events, then starts consumer processes one after another: each holds the first object-type
 * definition that reaches its fault point there and is SIGKILLed, and the next one starts over the state the
 * kill left (a held claim, an open transaction, a written search document, an uncommitted offset). A last
 * process runs until every event is done and stops cleanly. `expectChainConverged` checks the result.
 *
 * On the embedded default no two processes hold the PGlite data directory at once (the parent closes its
 * system before the first child starts). Neither a killed process's in-process bus nor its messages outlive
 * it, so each new process's relay publishes again what the projection has not processed: that is what an
 * embedded restart does (System.startWorkers).
 */
export async function crashAtEachPoint(stack: TestStack, points: readonly FaultPoint[]): Promise<CrashChain> {
  const system = await stack.open();
  const seeded = await seedOntologies(system, `crash-${stack.run}`, {
    ontologies: 3,
    objectTypesEach: 8,
    updatesEach: 2,
    deletesEach: 1,
  });
  await stack.close(system);

  const processes: ConsumerProcess[] = [];
  const killed: { point: FaultPoint; heldEventId: string; process: ConsumerProcess; index: number }[] = [];
  try {
    for (const point of points) {
      const child = ConsumerProcess.start(stack, {
        pauseAt: { point, nth: 1, eventType: 'ObjectTypeDefined' },
      });
      processes.push(child);
      const held = await child.waitFor('paused');
      await child.kill();
      killed.push({ point, heldEventId: held.eventId, process: child, index: processes.length - 1 });
    }
    const last = ConsumerProcess.start(stack);
    processes.push(last);
    await last.waitFor('caught-up');
    await last.terminate();
  } finally {
    // A chain that failed part-way leaves no process behind holding a claim, a partition or the data directory.
    for (const p of processes) await p.kill();
  }

  const kills = new Map(
    killed.map((k) => [
      k.point,
      {
        point: k.point,
        heldEventId: k.heldEventId,
        process: k.process,
        successors: processes.slice(k.index + 1),
      },
    ]),
  );
  return { seeded, kills, processes };
}

/** Read models equal to the event store, every event done, and each read-model commit made once over all processes. */
export async function expectChainConverged(stack: TestStack, chain: CrashChain): Promise<void> {
  const system = await stack.open();
  await eventuallyReadModelsMatch(system, chain.seeded.ontologyIds, 10_000);
  await expectEveryEventAppliedOnce(system);
  const commits = countPerEvent(
    chain.seeded.events,
    chain.processes.flatMap((p) => p.reached('after-commit')),
  );
  expect(Object.fromEntries(commits), 'read-model commits per event, all processes together').toEqual(
    Object.fromEntries(chain.seeded.events.map((e) => [e.eventId, 1])),
  );
}

/** The events that reached `point` in the processes started after the kill. */
export function reachedLater(kill: Kill, point: FaultPoint): string[] {
  return kill.successors.flatMap((p) => p.reached(point));
}
