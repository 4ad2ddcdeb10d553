import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The relay's durable position in the event store's time-ordered index. */
export const relayCheckpoints = pgTable('relay_checkpoints', {
  relay: text('relay').primaryKey(),
  position: text('position').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
