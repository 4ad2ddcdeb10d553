import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENTS_TOPIC, OBJECT_TYPE_PROJECTION } from '@spice/domain';
import { loadConfig, type SpiceConfig } from '../../config/config';
import { createScratchDatabase, deleteTopics, SCRATCH_TOPIC_PREFIX } from '../support/real-stack-scratch.int-support';

/** Where one describe's system lives, and the topic and consumer group its relay and projection use. */
export interface TestBed {
  readonly config: SpiceConfig;
  readonly route: { readonly topic: string; readonly groupId: string };
  cleanup(): Promise<void>;
}

export interface StackUnderTest {
  readonly name: string;
  prepare(): Promise<TestBed>;
}

/** The embedded default in a fresh data directory: nothing is shared, so the production topic and group. */
export const EMBEDDED: StackUnderTest = {
  name: 'embedded default (PGlite, local directory, in-process bus, Postgres search)',
  async prepare() {
    const dir = mkdtempSync(join(tmpdir(), 'spice-outage-'));
    return {
      config: loadConfig({ SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' }),
      route: { topic: EVENTS_TOPIC, groupId: OBJECT_TYPE_PROJECTION },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/**
 * The real servers, with a database and a topic of this describe's own: relays tail their whole ledger and
 * consumers take whatever their group is handed, so sharing them with other test processes (or a replay someone
 * runs on the default database) would let those publish, take or rebuild this test's events. The event store
 * bucket, the search index and the dead-letter topic are shared; every stream of a test has a unique id.
 */
export const REAL: StackUnderTest = {
  name: 'real stack (PostgreSQL, S3, Kafka, Elasticsearch)',
  async prepare() {
    // Starts with the time: the scratch helpers tell a dead run's leftovers by it.
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
    const dir = mkdtempSync(join(tmpdir(), 'spice-outage-real-'));
    // Spark plays no part in the write path; DuckDB keeps the system quick to build.
    const base = loadConfig({ ...process.env, SPARK_MASTER: undefined, SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const missing = [
      base.relational.kind !== 'postgres' && 'DATABASE_URL',
      base.objectStore.kind !== 's3' && 'S3_ENDPOINT',
      base.bus.kind !== 'kafka' && 'KAFKA_BROKERS',
      base.search.kind === 'postgres' && 'ELASTICSEARCH_URL',
    ].filter(Boolean);
    if (missing.length || base.relational.kind !== 'postgres' || base.bus.kind !== 'kafka') {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${missing.join(', ')} not set: run \`bash scripts/stack up\` and \`eval "$(bash scripts/stack env)"\``);
    }
    const brokers = base.bus.brokers;
    // Named like the other write-path tests' scratch resources, so a run that dies is swept by a later one.
    const scratch = await createScratchDatabase(base.relational.url, run);
    const topic = SCRATCH_TOPIC_PREFIX + run;
    return {
      config: { ...base, relational: { kind: 'postgres', url: scratch.url } },
      route: { topic, groupId: `${OBJECT_TYPE_PROJECTION}.${run}` },
      async cleanup() {
        await deleteTopics(brokers, [topic]);
        await scratch.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** A name no earlier run used: the real stack keeps every stream in S3 and every search document between runs. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
