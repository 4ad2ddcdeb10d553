import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Connector run history: one row per fetch of a connector's source, opened when the run starts and closed with
 * its outcome. The validators and hash of the last landed run are what the next fetch is compared against.
 */
export const connectorRuns = pgTable(
  'connector_runs',
  {
    runId: text('run_id').primaryKey(),
    connectorId: text('connector_id').notNull(),
    revision: integer('revision').notNull(),
    trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome', { enum: ['unchanged', 'committed', 'failed'] }),
    unchangedBy: text('unchanged_by', { enum: ['not-modified', 'content-hash', 'existing-version'] }),
    etag: text('etag'),
    lastModified: text('last_modified'),
    contentHash: text('content_hash'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    versionId: text('version_id'),
    ingestJobId: text('ingest_job_id'),
    error: jsonb('error'),
  },
  (t) => [index('connector_runs_connector').on(t.connectorId, t.runId)],
);
