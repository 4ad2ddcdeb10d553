import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The consumers' registry: one row per (handler, event); the primary key is the claim gate. */
export const processedEvents = pgTable(
  'processed_events',
  {
    handler: text('handler').notNull(),
    eventId: text('event_id').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    sequenceNumber: bigint('sequence_number', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['claimed', 'done', 'failed', 'skipped', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** The consumer instance holding the claim: it may take its own claim back before the lease ends. */
    claimOwner: text('claim_owner'),
    lastError: text('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.handler, t.eventId] })],
);

/** Per handler and aggregate, the last sequence number applied: `seq <= last` is stale. */
export const aggregateProgress = pgTable(
  'aggregate_progress',
  {
    handler: text('handler').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.handler, t.aggregateType, t.aggregateId] })],
);
