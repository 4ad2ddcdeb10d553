import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createSystem, loadConfig, type System } from '@spice/adapters';
import { openRelationalStore } from '@spice/db';
import { OBJECT_TYPE_SEARCH_INDEX } from '@spice/domain';

export type BenchMode = 'real' | 'embedded';

const REAL_STACK_VARIABLES = ['DATABASE_URL', 'S3_ENDPOINT', 'KAFKA_BROKERS'] as const;
const SEARCH_CLEANUP_CHUNK = 1000;
const DROP_ATTEMPTS = 5;

/**
 * A system of its own for one benchmark, so the figures are ours and other processes are not disturbed:
 * nothing it appends reaches their relay, and its consumers join no group of theirs.
 */
export interface BenchStack {
  readonly mode: BenchMode;
  readonly system: System;
  readonly runId: string;
  /** The topic the bench relays to; never spice.events, which other workers consume. */
  readonly topic: string;
  readonly adapters: string;
  /**
   * Real stack only: a second system on the same database with a local directory as its object store, to
   * tell the S3 server's share of an append from ours. Closed with the stack.
   */
  withoutS3(): Promise<System>;
  close(): Promise<void>;
}

/**
 * Real: a database created for the run on the stack's PostgreSQL (dropped on close), a bucket per run on the
 * S3 server, a topic per run on Kafka, the stack's search engine (the run's documents are deleted on close).
 * Embedded: the default config on a temporary data directory (PGlite, local directory, in-process bus,
 * Postgres search).
 */
export async function openBenchStack(mode: BenchMode): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spice-bench-write-'));
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const database = `spice_bench_${runId}`;
  const env = mode === 'real' ? await realStackEnv(dataDir, database, runId) : { SPICE_DATA_DIR: dataDir };
  const system = await createSystem(loadConfig(env), createLogger('warn'));
  const c = system.config;
  let localObjects: Promise<System> | undefined;
  return {
    mode,
    system,
    runId,
    topic: `spice.bench.${runId}`,
    adapters: `${c.relational.kind}, ${c.objectStore.kind}, ${c.bus.kind}, ${c.search.kind}`,
    withoutS3() {
      if (mode !== 'real') throw new Error('withoutS3 compares against the real stack');
      localObjects ??= createSystem(loadConfig({ ...env, S3_ENDPOINT: '' }), createLogger('warn'));
      return localObjects;
    },
    async close() {
      if (mode === 'real') await deleteSearchDocuments(system);
      await (await localObjects)?.stop();
      await system.stop();
      if (mode === 'real') await dropDatabase(database);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function realStackEnv(
  dataDir: string,
  database: string,
  runId: string,
): Promise<Record<string, string | undefined>> {
  const missing = REAL_STACK_VARIABLES.filter((v) => !process.env[v]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: run \`bash scripts/stack up\` and \`eval "$(bash scripts/stack env)"\`, or pass \`embedded\``,
    );
  }
  await adminQuery(`create database ${database}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return {
    ...process.env,
    DATABASE_URL: url.toString(),
    S3_BUCKET: `spice-bench-${runId}`,
    // The query engine plays no part in the write path.
    SPARK_MASTER: '',
    SPICE_DATA_DIR: dataDir,
  };
}

async function adminQuery(statement: string): Promise<void> {
  const admin = await openRelationalStore({ kind: 'postgres', url: process.env.DATABASE_URL! });
  try {
    await admin.sql.query(statement);
  } finally {
    await admin.close();
  }
}

/**
 * Our connections are closed by now; a moment's autovacuum worker may still be in it, so try again briefly.
 * (`with (force)` would need the right to end other roles' sessions, which the stack's user does not have.)
 */
async function dropDatabase(database: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`drop database if exists ${database}`);
      return;
    } catch (e) {
      if (attempt >= DROP_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** The search index is the stack's own: take the run's object types out of it again. */
async function deleteSearchDocuments(system: System): Promise<void> {
  const { rows } = await system.relational.sql.query<{ id: string }>('select id from object_types');
  for (let i = 0; i < rows.length; i += SEARCH_CLEANUP_CHUNK) {
    const chunk = rows.slice(i, i + SEARCH_CLEANUP_CHUNK).map((r) => ({ op: 'delete' as const, id: r.id }));
    await system.search.bulk(OBJECT_TYPE_SEARCH_INDEX, chunk);
  }
}
