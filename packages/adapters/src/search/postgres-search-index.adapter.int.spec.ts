import { openRelationalStore, type RelationalStore } from '@spice/db';
import { testSearchIndex } from '@spice/domain/contracts';
import { createPostgresSearchIndex } from './postgres-search-index.adapter';

// Embedded PGlite, in memory: a fresh database per test.
testSearchIndex('Postgres search on PGlite (in memory)', async () => {
  const store = await openRelationalStore({ kind: 'pglite', dataDir: 'memory://' });
  return {
    index: createPostgresSearchIndex({ sql: store.sql, mode: 'embedded' }),
    cleanup: () => store.close(),
  };
});

// The real server, when the stack runs one; the tables are shared, so each test removes the indexes it made.
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  testSearchIndex(`Postgres search on PostgreSQL (${new URL(databaseUrl).host})`, async () => {
    const store: RelationalStore = await openRelationalStore({ kind: 'postgres', url: databaseUrl });
    return {
      index: createPostgresSearchIndex({ sql: store.sql, mode: 'real' }),
      cleanup: async () => {
        await store.sql
          .query(`DELETE FROM search_indexes WHERE index_name LIKE 'contract-%'`)
          .catch(() => undefined);
        await store.close();
      },
    };
  });
}
