import { asc, eq, sql } from 'drizzle-orm';
import { objectTypeDocId, type EventEnvelope, type ObjectTypeDoc, type ObjectTypeReadModel } from '@spice/domain';
import type { Database } from '../client';
import { objectTypes, projectionVersions } from '../schema';
import { markDoneInTx } from './processed-events.repository';

const PROJECTION = 'object_types';

export class PgObjectTypeReadModel implements ObjectTypeReadModel {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<ObjectTypeDoc | null> {
    const [row] = await this.db.select().from(objectTypes).where(eq(objectTypes.id, id));
    return row ? toDoc(row) : null;
  }

  async commit(handler: string, event: EventEnvelope, doc: ObjectTypeDoc | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (doc) {
        const row = {
          ...doc,
          properties: doc.properties,
          createdAt: new Date(doc.createdAt),
          updatedAt: new Date(doc.updatedAt),
        };
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

  async list(ontologyId: string): Promise<ObjectTypeDoc[]> {
    const rows = await this.db.select().from(objectTypes).where(eq(objectTypes.ontologyId, ontologyId)).orderBy(asc(objectTypes.apiName));
    return rows.map(toDoc);
  }

  async version(): Promise<number> {
    const [row] = await this.db.select({ version: projectionVersions.version }).from(projectionVersions).where(eq(projectionVersions.projection, PROJECTION));
    return row?.version ?? 0;
  }
}

function toDoc(row: typeof objectTypes.$inferSelect): ObjectTypeDoc {
  return {
    ...row,
    properties: row.properties as ObjectTypeDoc['properties'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
