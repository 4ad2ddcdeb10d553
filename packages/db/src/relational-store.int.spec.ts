import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testRelationalStore } from '@spice/domain/contracts';
import { openRelationalStore, type RelationalConfig } from './client';
import { PgCommandLog, PgEventLedger, PgObjectTypeReadModel, PgProcessedEventsRegistry } from './repositories';

async function openPorts(config: RelationalConfig, afterClose: () => void = () => undefined) {
  const store = await openRelationalStore(config);
  await store.migrate();
  return {
    ports: {
      ledger: new PgEventLedger(store.db),
      commands: new PgCommandLog(store.db),
      objectTypes: new PgObjectTypeReadModel(store.db),
      registry: new PgProcessedEventsRegistry(store.db),
    },
    cleanup: async () => {
      await store.close();
      afterClose();
    },
  };
}

testRelationalStore('PGlite (embedded, on disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spice-pglite-'));
  return openPorts({ kind: 'pglite', dataDir: dir }, () => rmSync(dir, { recursive: true, force: true }));
});

testRelationalStore('PostgreSQL (real)', async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL not set: run `bash scripts/stack up postgres` and `eval "$(bash scripts/stack env)"`');
  return openPorts({ kind: 'postgres', url });
});
