import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testProcessedEventsRegistry } from '@spice/domain/contracts';
import { openRelationalStore, type RelationalConfig } from '../client';
import { PgHandlerFence } from './handler-fence.repository';
import { PgObjectTypeReadModel } from './object-type-read-model.repository';
import { PgProcessedEventsRegistry } from './processed-events.repository';

async function openRegistry(config: RelationalConfig, afterClose: () => void = () => undefined) {
  const store = await openRelationalStore(config);
  await store.migrate();
  return {
    registry: new PgProcessedEventsRegistry(store.db),
    readModel: new PgObjectTypeReadModel(store.db),
    fence: new PgHandlerFence(store.db),
    cleanup: async () => {
      await store.close();
      afterClose();
    },
  };
}

testProcessedEventsRegistry('PGlite (embedded, on disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spice-registry-'));
  return openRegistry({ kind: 'pglite', dataDir: dir }, () => rmSync(dir, { recursive: true, force: true }));
});

/**
 * On a database of its own: the contract leaves dead letters of events no event store holds, which the shared
 * database's dead-letter listings (`pnpm spice dlq list`) would trip over.
 */
testProcessedEventsRegistry('PostgreSQL (real)', async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL not set: run `bash scripts/stack up postgres` and `eval "$(bash scripts/stack env)"`');
  const name = `spice_registry_contract_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await adminQuery(url, `create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const fixture = await openRegistry({ kind: 'postgres', url: scratch.toString() });
  return { ...fixture, cleanup: () => fixture.cleanup().then(() => adminQuery(url, `drop database if exists ${name} with (force)`)) };
});

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = await openRelationalStore({ kind: 'postgres', url });
  try {
    await admin.sql.query(statement);
  } finally {
    await admin.close();
  }
}
