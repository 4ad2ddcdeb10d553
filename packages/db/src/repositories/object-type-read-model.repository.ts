import { asc, eq, inArray, sql } from 'drizzle-orm';
import { objectTypeDocId, type EventEnvelope, type ObjectTypeChange, type ObjectTypeDoc, type ObjectTypeReadModel } from '@spice/domain';
import type { Database } from '../client';
import { objectTypes, projectionVersions } from '../schema';
import { markBatchDoneInTx, markDoneInTx } from './processed-events.repository';

const PROJECTION = 'object_types';

export class PgObjectTypeReadModel implements ObjectTypeReadModel {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<ObjectTypeDoc | null> {
    const [row] = await this.db.select().from(objectTypes).where(eq(objectTypes.id, id));
    return row ? toDoc(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<ObjectTypeDoc[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select().from(objectTypes).where(inArray(objectTypes.id, [...new Set(ids)]));
    return rows.map(toDoc);
  }

  async commit(handler: string, event: EventEnvelope, doc: ObjectTypeDoc | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (doc) {
        const row = toRow(doc);
        await tx.insert(objectTypes).values(row).onConflictDoUpdate({ target: objectTypes.id, set: row });
      } else {
        // No document for an event that touches one: the object type was deleted.
        const deletedId = objectTypeDocId(event);
        if (deletedId) await tx.delete(objectTypes).where(eq(objectTypes.id, deletedId));
      }
      await markDoneInTx(tx, handler, event);
      await tx
        .insert(projectionVersions)
        .values({ projection: PROJECTION, version: 1 })
        .onConflictDoUpdate({ target: projectionVersions.projection, set: { version: sql`${projectionVersions.version} + 1`, updatedAt: sql`now()` } });
    });
  }

  async commitBatch(handler: string, changes: readonly ObjectTypeChange[]): Promise<void> {
    if (changes.length === 0) return;
    // Each document as the batch leaves it, in the order of their last changes: a type that gave its API name
    // up (renamed) is written before one that took the name later in the batch.
    const last = new Map<string, ObjectTypeDoc | null>();
    for (const { event, doc } of changes) {
      const id = doc?.id ?? objectTypeDocId(event);
      if (!id) continue;
      last.delete(id);
      last.set(id, doc);
    }
    const upserts = [...last.values()].filter((d): d is ObjectTypeDoc => d !== null);
    const deletes = [...last].filter(([, d]) => d === null).map(([id]) => id);
    await this.db.transaction(async (tx) => {
      // Deletes first: a type deleted and another defined with its API name in the same batch must not collide.
      if (deletes.length > 0) await tx.delete(objectTypes).where(inArray(objectTypes.id, deletes));
      // One JSON parameter rather than a bind parameter per column and row: building those costs more than the insert.
      if (upserts.length > 0) {
        await tx.execute(sql`
          insert into object_types (id, ontology_id, api_name, display_name, description, status, properties, primary_key, version,
                                    created_by, created_at, updated_by, updated_at)
          select d.id, d.ontology_id, d.api_name, d.display_name, d.description, d.status, d.properties, d.primary_key, d.version,
                 d.created_by, d.created_at, d.updated_by, d.updated_at
          from jsonb_to_recordset(${JSON.stringify(upserts.map(toRecord))}::text::jsonb) as d (
            id text, ontology_id text, api_name text, display_name text, description text, status text, properties jsonb,
            primary_key text, version bigint, created_by text, created_at timestamptz, updated_by text, updated_at timestamptz)
          on conflict (id) do update set
            ontology_id = excluded.ontology_id, api_name = excluded.api_name, display_name = excluded.display_name,
            description = excluded.description, status = excluded.status, properties = excluded.properties,
            primary_key = excluded.primary_key, version = excluded.version, created_by = excluded.created_by,
            created_at = excluded.created_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
      }
      await markBatchDoneInTx(
        tx,
        handler,
        changes.map((c) => c.event),
      );
      await tx
        .insert(projectionVersions)
        .values({ projection: PROJECTION, version: changes.length })
        .onConflictDoUpdate({
          target: projectionVersions.projection,
          set: { version: sql`${projectionVersions.version} + ${changes.length}`, updatedAt: sql`now()` },
        });
    });
  }

  async list(ontologyId: string): Promise<ObjectTypeDoc[]> {
    const rows = await this.db.select().from(objectTypes).where(eq(objectTypes.ontologyId, ontologyId)).orderBy(asc(objectTypes.apiName));
    return rows.map(toDoc);
  }

  async version(): Promise<number> {
    const [row] = await this.db.select({ version: projectionVersions.version }).from(projectionVersions).where(eq(projectionVersions.projection, PROJECTION));
    return row?.version ?? 0;
  }
}

function toRow(doc: ObjectTypeDoc): typeof objectTypes.$inferInsert {
  return { ...doc, properties: doc.properties, createdAt: new Date(doc.createdAt), updatedAt: new Date(doc.updatedAt) };
}

/** A document as a row of `jsonb_to_recordset`, keyed by column name. */
function toRecord(doc: ObjectTypeDoc) {
  return {
    id: doc.id,
    ontology_id: doc.ontologyId,
    api_name: doc.apiName,
    display_name: doc.displayName,
    description: doc.description,
    status: doc.status,
    properties: doc.properties,
    primary_key: doc.primaryKey,
    version: doc.version,
    created_by: doc.createdBy,
    created_at: doc.createdAt,
    updated_by: doc.updatedBy,
    updated_at: doc.updatedAt,
  } satisfies Record<ColumnName, unknown>;
}

type ColumnName = (typeof objectTypes)['_']['columns'][keyof (typeof objectTypes)['_']['columns']]['_']['name'];

function toDoc(row: typeof objectTypes.$inferSelect): ObjectTypeDoc {
  return {
    ...row,
    properties: row.properties as ObjectTypeDoc['properties'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
