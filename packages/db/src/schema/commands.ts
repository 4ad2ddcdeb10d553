import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every accepted command and its outcome; also the idempotency gate for retried submissions. */
export const commands = pgTable('commands', {
  commandId: text('command_id').primaryKey(),
  commandType: text('command_type').notNull(),
  aggregateType: text('aggregate_type').notNull(),
  aggregateId: text('aggregate_id').notNull(),
  actor: text('actor').notNull(),
  payloadHash: text('payload_hash').notNull(),
  status: text('status', { enum: ['pending', 'applied', 'failed'] }).notNull(),
  sequenceNumber: bigint('sequence_number', { mode: 'number' }),
  error: jsonb('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
