import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ONTOLOGY_AGGREGATE } from '@spice/domain';
import { loadConfig, type SpiceConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { createSystem, type System } from './composition-root';

const actor = { id: 'slice-tester@spice.local' };

async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sliceThroughEveryLayer(name: string, makeConfig: () => SpiceConfig, cleanup: () => void = () => undefined) {
  describe(`slice through every layer: ${name}`, () => {
    let system: System;
    const ontologyId = `slice-${Date.now().toString(36)}`;

    beforeAll(async () => {
      system = await createSystem(makeConfig(), createLogger('warn'));
      await system.startWorkers();
      await system.ontology.createOntology({ ontologyId, displayName: 'Slice test' }, actor);
    });
    afterAll(async () => {
      await system?.stop();
      cleanup();
    });

    it('reports every component up', async () => {
      const health = await system.health();
      expect(health).toHaveLength(6);
      expect(health.filter((h) => !h.up)).toEqual([]);
    });

    it('appends the command as an event, projects it into the read model and the search index', async () => {
      const outcome = await system.ontology.defineObjectType(
        ontologyId,
        {
          apiName: 'Vessel',
          displayName: 'Vessel',
          description: 'A ship that carries cargo',
          properties: [
            { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true },
            { apiName: 'grossTonnage', displayName: 'Gross tonnage', dataType: 'double' },
            { apiName: 'builtOn', displayName: 'Built on', dataType: 'date' },
          ],
          primaryKey: 'imo',
        },
        actor,
      );
      expect(outcome).toMatchObject({ status: 'applied', sequenceNumber: 2 });

      const stream = await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId);
      expect(stream.map((e) => [e.sequenceNumber, e.eventType, e.actor])).toEqual([
        [1, 'OntologyCreated', actor.id],
        [2, 'ObjectTypeDefined', actor.id],
      ]);
      expect(stream[1]!.commandId).toBe(outcome.commandId);

      const listed = await eventually(async () => (await system.ontology.listObjectTypes(ontologyId)).find((t) => t.apiName === 'Vessel'), 'the read model');
      expect(listed).toMatchObject({ displayName: 'Vessel', primaryKey: 'imo', version: 2, createdBy: actor.id });
      expect(listed.properties.map((p) => p.dataType)).toEqual(['string', 'double', 'date']);

      const found = await eventually(async () => (await system.ontology.searchObjectTypes(ontologyId, 'cargo')).length > 0 && system.ontology.searchObjectTypes(ontologyId, 'cargo'), 'the search index');
      expect(found.map((h) => h.apiName)).toEqual(['Vessel']);
      expect((await system.ontology.searchObjectTypes(ontologyId, 'Vess')).map((h) => h.apiName)).toEqual(['Vessel']);
    });

    it('refuses a duplicate apiName and an unknown property type with field errors, appending nothing', async () => {
      const before = await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId);
      const duplicate = await system.ontology
        .defineObjectType(ontologyId, { apiName: 'VESSEL', displayName: 'Another vessel' }, actor)
        .catch((e: unknown) => e);
      expect(duplicate).toBeInstanceOf(DomainError);
      expect((duplicate as DomainError).issues).toEqual([
        { path: 'apiName', rule: 'unique', message: 'object type "Vessel" already exists in this ontology' },
      ]);
      const unknownType = await system.ontology
        .defineObjectType(ontologyId, { apiName: 'Port', displayName: 'Port', properties: [{ apiName: 'code', displayName: 'Code', dataType: 'varchar' }] }, actor)
        .catch((e: unknown) => e);
      expect((unknownType as DomainError).issues[0]).toMatchObject({ path: 'properties.0.dataType' });
      expect(await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId)).toEqual(before);
    });
  });
}

const embeddedDir = mkdtempSync(join(tmpdir(), 'spice-slice-'));
sliceThroughEveryLayer(
  'embedded default (PGlite, local directory, in-process bus, Postgres search, DuckDB)',
  () => loadConfig({ SPICE_DATA_DIR: embeddedDir }),
  () => rmSync(embeddedDir, { recursive: true, force: true }),
);

sliceThroughEveryLayer('real stack (PostgreSQL, S3, Kafka, search engine, Spark)', () => {
  const config = loadConfig({ ...process.env, SPICE_DATA_DIR: mkdtempSync(join(tmpdir(), 'spice-slice-real-')) });
  const missing = [
    config.relational.kind !== 'postgres' && 'DATABASE_URL',
    config.objectStore.kind !== 's3' && 'S3_ENDPOINT',
    config.bus.kind !== 'kafka' && 'KAFKA_BROKERS',
    config.search.kind === 'postgres' && 'ELASTICSEARCH_URL',
    config.queryEngine.kind !== 'spark' && 'SPARK_MASTER',
  ].filter(Boolean);
  if (missing.length) throw new Error(`${missing.join(', ')} not set: run \`bash scripts/stack up\` and \`eval "$(bash scripts/stack env)"\``);
  return config;
});
