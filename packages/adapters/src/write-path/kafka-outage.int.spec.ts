import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_TYPE_PROJECTION } from '@spice/domain';
import { createSystem, type System } from '../composition/composition-root';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { CommandWriter } from './outage-support/command-writer.int-support';
import { actor } from './outage-support/ontology-fixtures.int-support';
import { recordingLogger } from './outage-support/recording-logger.int-support';
import { withServiceDown } from './outage-support/stack-service.int-support';
import { REAL, uniqueName, type TestBed } from './outage-support/stacks.int-support';
import { eventually } from './outage-support/timing.int-support';

/**
 * What happens while the Kafka broker is away:
 * - commands keep succeeding: they append to the event store (S3 + the ledger in PostgreSQL), not to Kafka;
 * - the relay's publish fails with BUS.UNAVAILABLE after the producer's bounded retries; the cycle is logged
 *   and tried again, and the appends stay unpublished in the ledger (the relay's checkpoint);
 * - the consumer has nothing to read; kafkajs restarts it once the broker answers again;
 * - after the restart the relay publishes every unpublished append, in ledger order, and the projection
 *   catches up. Anything published twice (a publish that failed after the broker took it) is skipped by the
 *   consumer's registry.
 * Real stack only: the embedded default's in-process bus lives inside the process, so there is no broker to stop.
 */
describe('must-pass 9a: the Kafka broker stopped and restarted mid-stream (real stack only: the embedded in-process bus has no broker to stop)', () => {
  let system: System;
  let bed: TestBed | undefined;
  const log = recordingLogger('warn');

  beforeAll(async () => {
    bed = await REAL.prepare();
    system = await createSystem(bed.config, log.logger);
    await system.startWorkers(bed.route);
  });
  afterAll(async () => {
    await system?.stop();
    await bed?.cleanup();
  });

  it('the relay resumes from its checkpoint (the unpublished ledger rows) and nothing is lost', async () => {
    const ontologyIds = Array.from({ length: 4 }, () => uniqueName('kafka-outage'));
    for (const id of ontologyIds) await system.ontology.createOntology({ ontologyId: id, displayName: id }, actor);
    const ours = new Set(ontologyIds);
    const unpublished = async () => (await system.events.unpublished(100_000)).filter((b) => ours.has(b.events[0]!.aggregateId));
    const writer = new CommandWriter(system, ontologyIds);
    writer.start();
    try {
      await eventually(async () => writer.applied().length >= 10, 'ten commands applied before the outage');
      await eventuallyReadModelsMatch(system, ontologyIds);

      let waitingInLedger = 0;
      await withServiceDown('kafka', async () => {
        const appliedBefore = writer.applied().length;
        await eventually(async () => writer.applied().length >= appliedBefore + 10, 'ten commands applied while the broker is down');
        waitingInLedger = (await unpublished()).length;
      });
      expect(waitingInLedger, 'appends made while the broker was down wait in the ledger').toBeGreaterThan(0);

      const appliedAfterRestart = writer.applied().length;
      await eventually(async () => writer.applied().length >= appliedAfterRestart + 10, 'ten commands applied after the restart');
    } finally {
      await writer.stop();
    }

    expect(writer.failures(), 'commands do not need the bus').toEqual([]);
    await eventuallyReadModelsMatch(system, ontologyIds, 120_000);
    expect(await unpublished()).toEqual([]);
    expect((await system.registry.deadLetters(OBJECT_TYPE_PROJECTION)).filter((d) => ours.has(d.aggregateId))).toEqual([]);
    expect(log.messages(), 'the relay logged its failed cycles and kept going').toContain('relay cycle failed; retrying');
  }, 180_000);
});
