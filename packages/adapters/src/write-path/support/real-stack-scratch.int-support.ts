import { Kafka, logLevel } from 'kafkajs';
import { openRelationalStore, type SqlHandle } from '@spice/db';

/** Scratch databases and topics are named `<prefix><run>`, the run starting with Date.now() in base 36. */
export const SCRATCH_DATABASE_PREFIX = 'spice_wp_';
export const SCRATCH_TOPIC_PREFIX = 'spice.events.write-path.';
/** Older than this, a scratch database or topic belongs to a run that died before cleaning up. */
const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * A database of its own on the real PostgreSQL server, for one describe; `drop` removes it (closing any
 * connection a killed child process left behind). Scratch databases of runs that died are swept on the way.
 */
export async function createScratchDatabase(
  serverUrl: string,
  run: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = SCRATCH_DATABASE_PREFIX + run;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`scratch database name must be [a-z0-9_]: ${name}`);
  await withClient(serverUrl, async (sql) => {
    const { rows } = await sql.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${SCRATCH_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows.filter((r) => isStale(r.datname.slice(SCRATCH_DATABASE_PREFIX.length)))) {
      await sql.query(`drop database if exists ${datname} with (force)`);
    }
    await sql.query(`create database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(serverUrl, (sql) => sql.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

/** Deletes this run's topics, and those of runs that died, so test runs do not pile topics up on the broker. */
export async function deleteTopics(brokers: readonly string[], topics: readonly string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'spice-write-path-tests',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const wanted = new Set(topics);
    const doomed = (await admin.listTopics()).filter(
      (t) =>
        wanted.has(t) ||
        (t.startsWith(SCRATCH_TOPIC_PREFIX) && isStale(t.slice(SCRATCH_TOPIC_PREFIX.length))),
    );
    if (doomed.length) await admin.deleteTopics({ topics: doomed });
  } finally {
    await admin.disconnect();
  }
}

function isStale(run: string): boolean {
  const startedAt = parseInt(run.slice(0, 8), 36);
  return Number.isFinite(startedAt) && Date.now() - startedAt > STALE_AFTER_MS;
}

async function withClient<T>(url: string, work: (sql: SqlHandle) => Promise<T>): Promise<T> {
  const store = await openRelationalStore({ kind: 'postgres', url });
  try {
    return await work(store.sql);
  } finally {
    await store.close();
  }
}
