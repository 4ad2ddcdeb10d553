import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A replay's pause on one consumer handler: while `until` is ahead, claims of the handler answer `busy`. */
export const handlerFences = pgTable('handler_fences', {
  handler: text('handler').primaryKey(),
  holder: text('holder').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull(),
  raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
});
