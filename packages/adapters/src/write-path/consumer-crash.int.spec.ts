import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TOPIC, ONTOLOGY_CATALOG_AGGREGATE, ONTOLOGY_CATALOG_ID, Relay } from '@spice/domain';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { createSystem } from '../composition/composition-root';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { seedOntologies } from './support/ontology-fixtures.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';
import { forEachStack } from './support/test-stacks.int-support';
import {
  crashAtEachPoint,
  expectChainConverged,
  reachedLater,
  type CrashChain,
} from './support/crash-scenario.int-support';

/**
 * Must-pass 2: consumer processes are killed with SIGKILL at each point of handling an event, one after the
 * other, each new process starting over what the last kill left. The effect must be exactly once and nothing
 * may be lost. A killed process's claim stays in the registry until its lease runs out (these processes use a
 * 2 s lease); the next process waits for that and takes it over.
 */
forEachStack(
  'consumer process killed with SIGKILL',
  (stack) => {
    let chain: CrashChain;
    beforeAll(async () => {
      chain = await crashAtEachPoint(stack, [
        'after-claim',
        'before-apply',
        'before-commit',
        'before-mark-done',
      ]);
    });

    it('right after the claim: a later process claims the event again', () => {
      const kill = chain.kills.get('after-claim')!;
      expect(kill.process.reached('before-apply'), 'the killed process had not applied it').not.toContain(
        kill.heldEventId,
      );
      expect(reachedLater(kill, 'after-claim')).toContain(kill.heldEventId);
    });

    it('before apply: a later process applies the event', () => {
      const kill = chain.kills.get('before-apply')!;
      expect(reachedLater(kill, 'before-apply')).toContain(kill.heldEventId);
    });

    it('after apply (search document written, read model not committed): a later process commits it', () => {
      const kill = chain.kills.get('before-commit')!;
      expect(
        kill.process.reached('after-index'),
        'the killed process had written the search document',
      ).toContain(kill.heldEventId);
      expect(reachedLater(kill, 'after-commit')).toContain(kill.heldEventId);
    });

    it('before mark-done (inside the read-model transaction): the rolled-back commit is made again', () => {
      const kill = chain.kills.get('before-mark-done')!;
      expect(reachedLater(kill, 'after-commit')).toContain(kill.heldEventId);
    });

    it('ends with the read models equal to the event store and every event applied exactly once', async () => {
      await expectChainConverged(stack, chain);
    });
  },
  { concurrently: true },
);

/**
 * The embedded default's own restart path (System.startWorkers, not the test harness): the in-process bus dies
 * with the process, so events the relay had published (and marked so) but the projection had not applied yet
 * exist only in the ledger. A restart must still project them. Embedded only: Kafka keeps what was published.
 */
describe('embedded restart after the relay published and before the projection applied', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spice-write-path-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('projects every event after System.startWorkers() in a new process', async () => {
    const config = loadConfig({ SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const before = await createSystem(config, createLogger('warn'));
    const seeded = await seedOntologies(before, 'restart', {
      ontologies: 2,
      objectTypesEach: 3,
      updatesEach: 1,
    });
    const published = await new Relay(before.events, before.bus, {
      topic: EVENTS_TOPIC,
      batchSize: 1000,
      idleWaitMs: 100,
      retryDelayMs: 100,
    }).runOnce();
    // Creating an ontology also registers it in the catalog stream, which the relay publishes too.
    const catalog = await before.events.readStream(ONTOLOGY_CATALOG_AGGREGATE, ONTOLOGY_CATALOG_ID);
    expect(published).toBe(seeded.events.length + catalog.length);
    expect(await before.events.unpublished(1), 'the ledger shows everything published').toEqual([]);
    await before.stop();

    const after = await createSystem(config, createLogger('warn'));
    try {
      await after.startWorkers();
      await eventuallyReadModelsMatch(after, seeded.ontologyIds, 20_000);
      await expectEveryEventAppliedOnce(after);
    } finally {
      await after.stop();
    }
  });
});
