import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A counter per read model, bumped on every change, so open pages can follow it live across processes. */
export const projectionVersions = pgTable('projection_versions', {
  projection: text('projection').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
