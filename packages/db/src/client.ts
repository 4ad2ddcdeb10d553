import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { ComponentHealth } from '@spice/domain';
import * as schema from './schema';
import { lockDataDir } from './data-dir-lock';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The smallest SQL handle both PGlite and pg.Pool satisfy; adapters that need raw SQL take this. */
export interface SqlHandle {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export type RelationalConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface RelationalStore {
  readonly db: Database;
  readonly sql: SqlHandle;
  readonly kind: RelationalConfig['kind'];
  migrate(): Promise<void>;
  health(): Promise<ComponentHealth>;
  close(): Promise<void>;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../drizzle');

/**
 * PGlite's Postgres would otherwise take 128 MB of shared buffers, the whole of it resident from start (~300 MiB
 * of RSS in all against ~160 with 8 MB): the embedded store holds read models and job rows, a few MB, and the
 * workbench runs on laptops beside DuckDB and Node.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB'];

/**
 * PGlite's WebAssembly is compiled by V8's baseline compiler only. By default V8 also recompiles every hot
 * function with its optimising compiler and keeps both, and for Postgres that second copy grew to 60-80 MiB
 * of resident memory within minutes. Measured (packages/db, 3,000-statement runs): inserts 35% faster (no
 * compiles competing for the two cores), point reads the same, catalog scans ~30% slower: the embedded store
 * serves small read models and job rows, and its memory sits beside DuckDB's on a laptop. V8 reads the flag
 * when a module is compiled, and PGlite's is the only WebAssembly the workbench's processes compile.
 */
function compileWebAssemblyWithBaselineOnly(): void {
  setFlagsFromString('--liftoff-only');
}

/** Opens embedded PGlite (`memory://` or a directory) or a PostgreSQL pool, with the same schema. */
export async function openRelationalStore(config: RelationalConfig): Promise<RelationalStore> {
  if (config.kind === 'pglite') {
    const inMemory = config.dataDir.startsWith('memory://');
    if (!inMemory) mkdirSync(config.dataDir, { recursive: true });
    const unlock = inMemory ? () => undefined : lockDataDir(config.dataDir);
    compileWebAssemblyWithBaselineOnly();
    const client = new PGlite(inMemory ? undefined : config.dataDir, { startParams: EMBEDDED_START_PARAMS });
    await client.waitReady.catch((e: unknown) => {
      unlock();
      throw e;
    });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      sql: { query: (q, params) => client.query(q, params) as never },
      kind: 'pglite',
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      health: async () => ({
        component: 'relational store',
        adapter: 'PGlite',
        mode: 'embedded',
        ...(await probe(() => client.query('select 1'))),
        detail: inMemory ? 'in memory' : resolve(config.dataDir),
      }),
      close: () => client.close().finally(unlock),
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server (restart, network) emits 'error'; the pool replaces it.
  pool.on('error', () => undefined);
  // A checked-out client has no pool listener: one that loses its server between two queries of a
  // transaction would throw an unhandled 'error' and end the process. Its next query fails instead, the
  // transaction rejects, and the pool drops the client on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    sql: { query: (q, params) => pool.query(q, params) as never },
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder }),
    health: async () => ({
      component: 'relational store',
      adapter: 'PostgreSQL',
      mode: 'real',
      ...(await probe(() => pool.query('select 1'))),
      detail: redact(config.url),
    }),
    close: () => pool.end(),
  };
}

async function probe(check: () => Promise<unknown>): Promise<{ up: boolean; detail?: string }> {
  try {
    await check();
    return { up: true };
  } catch (e) {
    return { up: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
