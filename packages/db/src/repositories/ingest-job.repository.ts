import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { WORKING_PHASES, type IngestJob, type IngestJobPatch, type IngestJobStore, type IngestPhase, type NewIngestJob } from '@spice/domain';
import type { Database } from '../client';
import { ingestJobs } from '../schema';

const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;
const leaseFreeOr = (owner: string) => or(sql`${ingestJobs.leaseUntil} is null`, sql`${ingestJobs.leaseUntil} < now()`, eq(ingestJobs.leaseOwner, owner));

type Row = typeof ingestJobs.$inferSelect;

const toJob = (row: Row): IngestJob => ({
  jobId: row.jobId,
  datasetId: row.datasetId,
  branch: row.branch,
  idempotencyKey: row.idempotencyKey,
  source: row.source,
  connectorId: row.connectorId,
  fileName: row.fileName,
  sizeBytes: row.sizeBytes,
  contentHash: row.contentHash,
  phase: row.phase,
  options: row.options as IngestJob['options'],
  layout: (row.layout as IngestJob['layout']) ?? null,
  readResult: (row.readResult as IngestJob['readResult']) ?? null,
  proposedSchema: (row.proposedSchema as IngestJob['proposedSchema']) ?? null,
  inference: row.inference ?? null,
  commitRequest: (row.commitRequest as IngestJob['commitRequest']) ?? null,
  versionId: row.versionId,
  autoCommit: row.autoCommit,
  error: (row.error as IngestJob['error']) ?? null,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export class PgIngestJobStore implements IngestJobStore {
  constructor(private readonly db: Database) {}

  async create(job: NewIngestJob, owner: string, leaseMs: number): Promise<{ created: boolean; job: IngestJob }> {
    const [inserted] = await this.db
      .insert(ingestJobs)
      .values({ ...job, phase: 'receiving', leaseOwner: owner, leaseUntil: leaseFor(leaseMs) })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { created: true, job: toJob(inserted) };
    const [live] = job.idempotencyKey
      ? await this.db
          .select()
          .from(ingestJobs)
          .where(
            and(
              eq(ingestJobs.datasetId, job.datasetId),
              eq(ingestJobs.idempotencyKey, job.idempotencyKey),
              sql`${ingestJobs.phase} not in ('failed', 'abandoned')`,
            ),
          )
      : await this.db.select().from(ingestJobs).where(eq(ingestJobs.jobId, job.jobId));
    if (!live) throw new Error(`ingest job ${job.jobId} was neither inserted nor found`);
    return { created: false, job: toJob(live) };
  }

  async get(jobId: string): Promise<IngestJob | null> {
    const [row] = await this.db.select().from(ingestJobs).where(eq(ingestJobs.jobId, jobId));
    return row ? toJob(row) : null;
  }

  async claim(jobId: string, owner: string, leaseMs: number, phases: readonly IngestPhase[]): Promise<IngestJob | null> {
    const [row] = await this.db
      .update(ingestJobs)
      .set({ leaseOwner: owner, leaseUntil: leaseFor(leaseMs), updatedAt: sql`now()` })
      .where(and(eq(ingestJobs.jobId, jobId), inArray(ingestJobs.phase, [...phases]), leaseFreeOr(owner)))
      .returning();
    return row ? toJob(row) : null;
  }

  async renew(jobId: string, owner: string, leaseMs: number): Promise<boolean> {
    const renewed = await this.db
      .update(ingestJobs)
      .set({ leaseUntil: leaseFor(leaseMs) })
      .where(and(eq(ingestJobs.jobId, jobId), eq(ingestJobs.leaseOwner, owner)))
      .returning({ jobId: ingestJobs.jobId });
    return renewed.length > 0;
  }

  async advance(jobId: string, owner: string, patch: IngestJobPatch, release: boolean): Promise<IngestJob | null> {
    const [row] = await this.db
      .update(ingestJobs)
      .set({ ...patch, ...(release ? { leaseOwner: null, leaseUntil: null } : {}), updatedAt: sql`now()` })
      .where(and(eq(ingestJobs.jobId, jobId), eq(ingestJobs.leaseOwner, owner)))
      .returning();
    return row ? toJob(row) : null;
  }

  async stale(limit: number): Promise<IngestJob[]> {
    const rows = await this.db
      .select()
      .from(ingestJobs)
      .where(and(inArray(ingestJobs.phase, [...WORKING_PHASES]), or(sql`${ingestJobs.leaseUntil} is null`, sql`${ingestJobs.leaseUntil} < now()`)))
      .orderBy(ingestJobs.updatedAt)
      .limit(limit);
    return rows.map(toJob);
  }

  async listForDataset(datasetId: string, limit: number): Promise<IngestJob[]> {
    const rows = await this.db.select().from(ingestJobs).where(eq(ingestJobs.datasetId, datasetId)).orderBy(desc(ingestJobs.createdAt)).limit(limit);
    return rows.map(toJob);
  }
}
