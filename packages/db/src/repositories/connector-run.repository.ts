import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { ConnectorRun, ConnectorRunError, ConnectorRunResult, ConnectorRunStore, NewConnectorRun } from '@spice/domain';
import type { Database } from '../client';
import { connectorRuns, connectorSchedules } from '../schema';

const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;
/** Free only: a second claim by the same owner (two manual runs in one process) must not run the connector twice. */
const leaseFree = or(isNull(connectorSchedules.leaseUntil), sql`${connectorSchedules.leaseUntil} < now()`);

type Row = typeof connectorRuns.$inferSelect;

const toRun = (row: Row): ConnectorRun => ({
  runId: row.runId,
  connectorId: row.connectorId,
  revision: row.revision,
  trigger: row.trigger,
  scheduledFor: row.scheduledFor?.toISOString() ?? null,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  outcome: row.outcome,
  unchangedBy: row.unchangedBy,
  etag: row.etag,
  lastModified: row.lastModified,
  contentHash: row.contentHash,
  sizeBytes: row.sizeBytes,
  versionId: row.versionId,
  ingestJobId: row.ingestJobId,
  error: (row.error as ConnectorRunError | null) ?? null,
});

export class PgConnectorRunStore implements ConnectorRunStore {
  constructor(private readonly db: Database) {}

  async claim(connectorId: string, owner: string, leaseMs: number, slot: Date | null): Promise<boolean> {
    await this.db.insert(connectorSchedules).values({ connectorId }).onConflictDoNothing();
    const claimed = await this.db
      .update(connectorSchedules)
      .set({ leaseOwner: owner, leaseUntil: leaseFor(leaseMs), updatedAt: sql`now()`, ...(slot ? { lastScheduledFor: slot } : {}) })
      .where(
        and(
          eq(connectorSchedules.connectorId, connectorId),
          leaseFree,
          slot ? or(isNull(connectorSchedules.lastScheduledFor), lt(connectorSchedules.lastScheduledFor, slot)) : undefined,
        ),
      )
      .returning({ connectorId: connectorSchedules.connectorId });
    return claimed.length > 0;
  }

  async renew(connectorId: string, owner: string, leaseMs: number): Promise<boolean> {
    const renewed = await this.db
      .update(connectorSchedules)
      .set({ leaseUntil: leaseFor(leaseMs) })
      .where(and(eq(connectorSchedules.connectorId, connectorId), eq(connectorSchedules.leaseOwner, owner)))
      .returning({ connectorId: connectorSchedules.connectorId });
    return renewed.length > 0;
  }

  async release(connectorId: string, owner: string): Promise<void> {
    await this.db
      .update(connectorSchedules)
      .set({ leaseOwner: null, leaseUntil: null, updatedAt: sql`now()` })
      .where(and(eq(connectorSchedules.connectorId, connectorId), eq(connectorSchedules.leaseOwner, owner)));
  }

  async lastScheduled(): Promise<ReadonlyMap<string, Date>> {
    const rows = await this.db
      .select({ connectorId: connectorSchedules.connectorId, at: connectorSchedules.lastScheduledFor })
      .from(connectorSchedules)
      .where(isNotNull(connectorSchedules.lastScheduledFor));
    return new Map(rows.map((r) => [r.connectorId, r.at!]));
  }

  async start(run: NewConnectorRun): Promise<ConnectorRun> {
    const [row] = await this.db
      .insert(connectorRuns)
      .values({ ...run, scheduledFor: run.scheduledFor ? new Date(run.scheduledFor) : null })
      .returning();
    return toRun(row!);
  }

  async finish(runId: string, result: ConnectorRunResult): Promise<ConnectorRun> {
    const [row] = await this.db
      .update(connectorRuns)
      .set({ ...result, finishedAt: sql`now()` })
      .where(eq(connectorRuns.runId, runId))
      .returning();
    if (!row) throw new Error(`connector run ${runId} does not exist`);
    return toRun(row);
  }

  async closeInterrupted(connectorId: string, error: ConnectorRunError): Promise<number> {
    const closed = await this.db
      .update(connectorRuns)
      .set({ finishedAt: sql`now()`, outcome: 'failed', error })
      .where(and(eq(connectorRuns.connectorId, connectorId), isNull(connectorRuns.finishedAt)))
      .returning({ runId: connectorRuns.runId });
    return closed.length;
  }

  async lastLanded(connectorId: string, revision: number): Promise<ConnectorRun | null> {
    const [row] = await this.db
      .select()
      .from(connectorRuns)
      .where(and(eq(connectorRuns.connectorId, connectorId), eq(connectorRuns.revision, revision), inArray(connectorRuns.outcome, ['committed', 'unchanged'])))
      .orderBy(desc(connectorRuns.runId))
      .limit(1);
    return row ? toRun(row) : null;
  }

  async list(connectorId: string, limit: number): Promise<ConnectorRun[]> {
    const rows = await this.db.select().from(connectorRuns).where(eq(connectorRuns.connectorId, connectorId)).orderBy(desc(connectorRuns.runId)).limit(limit);
    return rows.map(toRun);
  }

  async get(runId: string): Promise<ConnectorRun | null> {
    const [row] = await this.db.select().from(connectorRuns).where(eq(connectorRuns.runId, runId));
    return row ? toRun(row) : null;
  }
}
