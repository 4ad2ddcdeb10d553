import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

/**
 * drizzle-orm's node-postgres transactions (0.44.7, still so in 0.45) leaked the pooled client when `begin`
 * failed — a connection that died between connect and begin, as when PostgreSQL restarts — so pool.end() waited
 * for it forever (must-pass 8's system could not stop). patches/drizzle-orm@0.44.7.patch releases it always,
 * destroyed when broken. These run against the real server: the broken connection is a real socket destroyed.
 */
describe('drizzle transactions on a pg pool release their client whatever fails (patched drizzle-orm)', () => {
  const url = process.env.DATABASE_URL;

  /** A pool whose next checked-out client has lost its connection, the way a server restart leaves it. */
  class PoolWithDeadClient extends pg.Pool {
    breakNext = true;
    override async connect(): Promise<pg.PoolClient> {
      const client = await super.connect();
      if (this.breakNext) {
        this.breakNext = false;
        client.on('error', () => undefined);
        (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return client;
    }
  }

  it('a begin that fails on a dead connection releases the client, so the pool can end', async () => {
    if (!url) throw new Error('DATABASE_URL not set: run `bash scripts/stack up postgres` and `eval "$(bash scripts/stack env)"`');
    const pool = new PoolWithDeadClient({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    const db = drizzle(pool);
    await expect(db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
    expect(pool.totalCount - pool.idleCount, 'no client is left checked out').toBe(0);
    // The pool still works: the broken client was destroyed, not handed out again.
    await expect(db.transaction(async (tx) => (await tx.execute(sql`select 41 + 1 as answer`)).rows[0])).resolves.toEqual({ answer: 42 });
    await pool.end();
  });

  it("a transaction that fails on a connection lost mid-way keeps its own error and destroys the client", async () => {
    if (!url) throw new Error('DATABASE_URL not set: run `bash scripts/stack up postgres` and `eval "$(bash scripts/stack env)"`');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const db = drizzle(pool);
    const failure = db.transaction(async (tx) => {
      const [backend] = (await tx.execute(sql`select pg_backend_pid() as pid`)).rows as { pid: number }[];
      await admin.query('select pg_terminate_backend($1)', [backend!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('the work itself failed');
    });
    await expect(failure).rejects.toThrow('the work itself failed');
    expect(pool.totalCount, 'the broken client is destroyed, not pooled').toBe(0);
    await admin.end();
    await pool.end();
  });
});
