import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, type Relay, type Subscription } from '@spice/domain';
import { createSystem, type System } from '../composition/composition-root';
import { createLogger } from '../logging/logger';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { appendOntologyStream } from './outage-support/ontology-fixtures.int-support';
import { EMBEDDED, REAL, uniqueName, type StackUnderTest, type TestBed } from './outage-support/stacks.int-support';
import { eventually, sleep } from './outage-support/timing.int-support';
import { startProjection, startRelay } from './outage-support/workers.int-support';

const ONTOLOGIES = 20;
const EVENTS_PER_ONTOLOGY = 100;
const EVENTS_PER_APPEND = 10;
/** Generous: the catch-up is thousands of projections, and a loaded machine runs them several times slower. */
const TEST_TIMEOUT_MS = 240_000;
/**
 * The projection runs as a deployment scaled out to one consumer per partition would: four members of one
 * group. Each event waits on a search-index write that refreshes the index, so members in parallel keep the
 * catch-up short.
 */
const PROJECTION_CONSUMERS = 4;
/** The original relay looked back only to "now minus 5 minutes" after a restart. */
const OLD_LOOK_BACK_MINUTES = 5;

/**
 * The relay's checkpoint is per append (the ledger's unpublished rows), not a point in time, so however long
 * it was away, everything appended meanwhile is still waiting for it. The appends are aged past the original
 * system's look-back window in the ledger, standing in for a relay that stayed down that long.
 */
function relayDowntime(stack: StackUnderTest) {
  describe(`must-pass 9b: the relay stopped while ${ONTOLOGIES * EVENTS_PER_ONTOLOGY} events are appended, then restarted: ${stack.name}`, () => {
    let system: System;
    let bed: TestBed | undefined;
    let relay: Relay | undefined;
    const projections: Subscription[] = [];

    beforeAll(async () => {
      bed = await stack.prepare();
      system = await createSystem(bed.config, createLogger('error'));
      for (let i = 0; i < PROJECTION_CONSUMERS; i++) projections.push(await startProjection(system, bed.route));
      relay = await startRelay(system, bed.route);
    });
    afterAll(async () => {
      await relay?.stop();
      for (const projection of projections) await projection.stop();
      await system?.stop();
      await bed?.cleanup();
    });

    it(`publishes and projects every event appended while it was away, even appends older than the original ${OLD_LOOK_BACK_MINUTES}-minute look-back`, async () => {
      const ontologyIds = Array.from({ length: ONTOLOGIES }, () => uniqueName('relay-down'));
      await relay!.stop();

      await Promise.all(ontologyIds.map((id) => appendOntologyStream(system.events, id, EVENTS_PER_ONTOLOGY, EVENTS_PER_APPEND)));
      const ours = new Set(ontologyIds);
      const pending = async () => (await system.events.unpublished(100_000)).filter((b) => ours.has(b.events[0]!.aggregateId));
      expect(await pending()).toHaveLength((ONTOLOGIES * EVENTS_PER_ONTOLOGY) / EVENTS_PER_APPEND);

      const aged = await system.relational.sql.query(
        `update event_ledger set appended_at = appended_at - interval '${OLD_LOOK_BACK_MINUTES * 2} minutes' where aggregate_type = $1 and aggregate_id = any($2) returning position`,
        [ONTOLOGY_AGGREGATE, ontologyIds],
      );
      expect(aged.rows).toHaveLength((ONTOLOGIES * EVENTS_PER_ONTOLOGY) / EVENTS_PER_APPEND);
      // The consumer is running all along, yet nothing reaches it while the relay is away.
      await sleep(1_000);
      for (const id of ontologyIds.slice(0, 3)) expect(await system.ontology.listObjectTypes(id)).toEqual([]);

      relay = await startRelay(system, bed!.route);
      // The projection's progress per stream is a cheap signal to wait on; the oracle then checks the content.
      await eventually(async () => {
        const projected = await Promise.all(ontologyIds.map((id) => system.registry.lastSeq(OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, id)));
        return projected.every((seq) => seq === EVENTS_PER_ONTOLOGY);
      }, 'every stream projected', TEST_TIMEOUT_MS - 30_000);
      await eventuallyReadModelsMatch(system, ontologyIds);
      expect(await pending()).toEqual([]);
    }, TEST_TIMEOUT_MS);
  });
}

relayDowntime(EMBEDDED);
relayDowntime(REAL);
