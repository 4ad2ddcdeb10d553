import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per connector that has run: the last schedule slot taken, and the lease of whoever runs it now. A
 * claim is one conditional UPDATE, so of two schedulers racing for a slot exactly one takes it.
 */
export const connectorSchedules = pgTable('connector_schedules', {
  connectorId: text('connector_id').primaryKey(),
  lastScheduledFor: timestamp('last_scheduled_for', { withTimezone: true }),
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
