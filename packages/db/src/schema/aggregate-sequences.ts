import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The sequence allocator: a cache of each stream's last position. The event store is the truth. */
export const aggregateSequences = pgTable(
  'aggregate_sequences',
  {
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.aggregateType, t.aggregateId] })],
);
