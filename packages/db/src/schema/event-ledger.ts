import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The append ledger: one row per append, recorded in the transaction that reserved its positions, after the
 * event object was written to the object store. The relay publishes rows with no `published_at` (an outbox).
 */
export const eventLedger = pgTable(
  'event_ledger',
  {
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    streamKey: text('stream_key').notNull(),
    events: jsonb('events').notNull(),
    appendedAt: timestamp('appended_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_ledger_stream_position').on(t.aggregateType, t.aggregateId, t.firstSeq),
    index('event_ledger_unpublished').on(t.position).where(sql`${t.publishedAt} is null`),
  ],
);

/** Every event id ever appended, with a fingerprint of its content: the event-id idempotency gate. */
export const eventIds = pgTable('event_ids', {
  eventId: text('event_id').primaryKey(),
  payloadHash: text('payload_hash').notNull(),
  aggregateType: text('aggregate_type').notNull(),
  aggregateId: text('aggregate_id').notNull(),
  sequenceNumber: bigint('sequence_number', { mode: 'number' }).notNull(),
});
