import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The ingest outbox: one row per upload or connector fetch, recording how far it got so the reconciler can
 * finish or roll back whatever a dead process left. Versions themselves live only in the event store.
 */
export const ingestJobs = pgTable(
  'ingest_jobs',
  {
    jobId: text('job_id').primaryKey(),
    datasetId: text('dataset_id').notNull(),
    branch: text('branch').notNull(),
    idempotencyKey: text('idempotency_key'),
    source: text('source', { enum: ['upload', 'connector'] }).notNull(),
    connectorId: text('connector_id'),
    fileName: text('file_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    contentHash: text('content_hash'),
    phase: text('phase', { enum: ['receiving', 'received', 'reading', 'read', 'committing', 'committed', 'failed', 'abandoned'] }).notNull(),
    options: jsonb('options').notNull(),
    layout: jsonb('layout'),
    readResult: jsonb('read_result'),
    proposedSchema: jsonb('proposed_schema'),
    inference: jsonb('inference'),
    commitRequest: jsonb('commit_request'),
    versionId: text('version_id').notNull(),
    autoCommit: boolean('auto_commit').notNull().default(false),
    error: jsonb('error'),
    createdBy: text('created_by').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live job per idempotency key and dataset; a failed or abandoned job frees its key.
    uniqueIndex('ingest_jobs_live_key')
      .on(t.datasetId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null and ${t.phase} not in ('failed', 'abandoned')`),
    index('ingest_jobs_dataset').on(t.datasetId, t.createdAt),
    index('ingest_jobs_working').on(t.phase, t.leaseUntil),
  ],
);
