import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TOPIC, Relay, type EventEnvelope } from '@spice/domain';
import { loadConfig, type SpiceConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { createSystem, type System } from '../composition/composition-root';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { seedOntologies, streamOf } from './support/ontology-fixtures.int-support';
import { createScratchDatabase } from './support/real-stack-scratch.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';

const actor = { id: 'write-path-tester@spice.local' };

interface Variant {
  readonly name: string;
  /** A configuration over stores of their own, and how to remove them. */
  prepare(run: string): Promise<{ config: SpiceConfig; cleanup(): Promise<void> }>;
}

const EMBEDDED: Variant = {
  name: 'embedded default (PGlite, local directory, in-process bus)',
  async prepare() {
    const dir = mkdtempSync(join(tmpdir(), 'spice-write-path-embedded-start-'));
    return { config: loadConfig({ SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/** The rewind's SQL on the real PostgreSQL server: its stores with the in-process bus (no KAFKA_BROKERS). */
const REAL_STORES: Variant = {
  name: 'real PostgreSQL, S3 and search with the in-process bus',
  async prepare(run) {
    const { KAFKA_BROKERS: _bus, ...env } = process.env;
    const base = loadConfig({ ...env, SPICE_DATA_DIR: join(tmpdir(), 'spice-write-path-real'), LOG_LEVEL: 'warn' });
    if (base.relational.kind !== 'postgres' || base.objectStore.kind !== 's3')
      throw new Error('DATABASE_URL or S3_ENDPOINT not set: run `bash scripts/stack up` and `eval "$(bash scripts/stack env)"`');
    const scratch = await createScratchDatabase(base.relational.url, run);
    return { config: { ...base, relational: { kind: 'postgres', url: scratch.url } }, cleanup: () => scratch.drop() };
  },
};

/**
 * A start with the in-process bus (System.startWorkers): the bus lost what it held, so the relay must publish
 * again what the projection has not processed, and only that. The real stack's Kafka keeps what was published,
 * so it never rewinds; the second variant runs the rewind over the real stores.
 */
for (const variant of [EMBEDDED, REAL_STORES]) {
  describe(`start with the in-process bus publishes again only what the projection had not processed: ${variant.name}`, () => {
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
    let config: SpiceConfig;
    let cleanup: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ config, cleanup } = await variant.prepare(run));
    });
    afterAll(() => cleanup?.());

    it('republishes none of the projected events, and projects the ones the last run left owed', async () => {
      const first = await createSystem(config, createLogger('warn'));
      const seeded = await (async () => {
        try {
          await first.startWorkers();
          const seeded = await seedOntologies(first, `start-${run}`, { ontologies: 3, objectTypesEach: 5, updatesEach: 2 });
          await eventuallyReadModelsMatch(first, seeded.ontologyIds, 20_000);
          await expectEveryEventAppliedOnce(first);
          return seeded;
        } finally {
          await first.stop();
        }
      })();

      // A run without its projection: one append the relay published to a bus that then died with the process,
      // and one the relay never saw. Both are owed to the projection.
      const second = await createSystem(config, createLogger('warn'));
      const owed: EventEnvelope[] = [];
      try {
        owed.push(...(await defineAndRead(second, seeded.ontologyIds[0]!, 'PublishedThenLost')));
        const relay = new Relay(second.events, second.bus, { topic: EVENTS_TOPIC, batchSize: 1000, idleWaitMs: 100, retryDelayMs: 100 });
        expect(await relay.runOnce(), 'the relay published the first owed append').toBe(owed.length);
        owed.push(...(await defineAndRead(second, seeded.ontologyIds[1]!, 'NeverPublished')));
      } finally {
        await second.stop();
      }

      const third = await createSystem(config, createLogger('warn'));
      try {
        const published = recordPublishedEventIds(third);
        await third.startWorkers();
        await eventuallyReadModelsMatch(third, seeded.ontologyIds, 20_000);
        await expectEveryEventAppliedOnce(third);
        expect(await third.events.unpublished(1), 'the ledger shows everything published').toEqual([]);

        const projectedBefore = new Set(seeded.events.map((e) => e.eventId));
        expect(published.filter((id) => projectedBefore.has(id)), 'projected events published again').toEqual([]);
        expect([...published].sort(), 'events published on start').toEqual(owed.map((e) => e.eventId).sort());
      } finally {
        await third.stop();
      }
    });
  });
}

/** Defines an object type and returns the events that command appended. */
async function defineAndRead(system: System, ontologyId: string, apiName: string): Promise<EventEnvelope[]> {
  const outcome = await system.ontology.defineObjectType(
    ontologyId,
    {
      apiName,
      displayName: apiName,
      properties: [{ apiName: 'code', displayName: 'Code', dataType: 'string', required: true }],
      primaryKey: 'code',
    },
    actor,
  );
  return (await streamOf(system, ontologyId)).filter((e) => e.commandId === outcome.commandId);
}

/** The id of every event published to the events topic from now on (the bus itself stays the real one). */
function recordPublishedEventIds(system: System): string[] {
  const ids: string[] = [];
  const bus = system.bus;
  const publish = bus.publish.bind(bus);
  bus.publish = async (topic, messages) => {
    if (topic === EVENTS_TOPIC) ids.push(...messages.map((m) => m.headers?.eventId ?? `unkeyed:${m.value}`));
    return publish(topic, messages);
  };
  return ids;
}
