import type { System } from '@spice/adapters';
import type { DeadLetter } from '@spice/domain';

export interface RedriveOutcome {
  readonly applied: readonly DeadLetter[];
  readonly deadAgain: readonly DeadLetter[];
  readonly pending: readonly DeadLetter[];
}

/**
 * With the embedded in-process bus, a re-driven event reaches only consumers in the process that published
 * it, so the CLI runs the workers itself until every re-driven event is applied or dead again. (With Kafka
 * the workers process picks them up.) The bus keeps what was published before the consumer subscribed, so
 * the re-driven events come first, ahead of anything the relay publishes.
 */
export async function applyRedrivenHere(system: System, handler: string, letters: readonly DeadLetter[], timeoutMs = 60_000): Promise<RedriveOutcome> {
  await system.startWorkers();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = new Set((await system.deadLetters.list(handler)).map((d) => d.eventId));
    const applied: DeadLetter[] = [];
    const deadAgain: DeadLetter[] = [];
    const pending: DeadLetter[] = [];
    for (const letter of letters) {
      if (dead.has(letter.eventId)) deadAgain.push(letter);
      else if ((await system.registry.lastSeq(handler, letter.aggregateType, letter.aggregateId)) >= letter.sequenceNumber) applied.push(letter);
      else pending.push(letter);
    }
    if (pending.length === 0 || Date.now() > deadline) return { applied, deadAgain, pending };
    await new Promise((r) => setTimeout(r, 100));
  }
}
