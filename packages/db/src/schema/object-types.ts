import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Read model: the current object types of each ontology, projected from the ontology stream. */
export const objectTypes = pgTable(
  'object_types',
  {
    id: text('id').primaryKey(),
    ontologyId: text('ontology_id').notNull(),
    apiName: text('api_name').notNull(),
    displayName: text('display_name').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    properties: jsonb('properties').notNull(),
    primaryKey: text('primary_key'),
    version: bigint('version', { mode: 'number' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('object_types_ontology_api_name').on(t.ontologyId, t.apiName),
    index('object_types_ontology').on(t.ontologyId),
  ],
);
