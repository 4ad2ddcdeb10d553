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
  /** The try that runs a pending command, and until when: a retry of the same id waits for it or takes over. */
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
