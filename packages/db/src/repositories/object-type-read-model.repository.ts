import { and, asc, eq, sql } from 'drizzle-orm';
import type { ClaimOutcome, EventEnvelope, ObjectTypeDoc, ObjectTypeReadModel } from '@spice/domain';
import type { Database } from '../client';
import { aggregateProgress, objectTypes, processedEvents, projectionVersions } from '../schema';

const PROJECTION = 'object_types';

export class PgObjectTypeReadModel implements ObjectTypeReadModel {
  constructor(private readonly db: Database) {}

  async claim(handler: string, event: EventEnvelope, leaseMs: number): Promise<ClaimOutcome> {
    const leaseUntil = sql`now() + ${`${leaseMs} milliseconds`}::interval`;
    const inserted = await this.db
      .insert(processedEvents)
      .values({
        handler,
        eventId: event.eventId,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        sequenceNumber: event.sequenceNumber,
        status: 'claimed',
        leaseUntil,
      })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (inserted.length > 0) return 'claimed';
    const key = and(eq(processedEvents.handler, handler), eq(processedEvents.eventId, event.eventId));
    const taken = await this.db
      .update(processedEvents)
      .set({ status: 'claimed', leaseUntil, attempts: sql`${processedEvents.attempts} + 1`, updatedAt: sql`now()` })
      .where(and(key, sql`(${processedEvents.status} = 'failed' or (${processedEvents.status} = 'claimed' and ${processedEvents.leaseUntil} < now()))`))
      .returning({ eventId: processedEvents.eventId });
    if (taken.length > 0) return 'claimed';
    const [row] = await this.db.select({ status: processedEvents.status }).from(processedEvents).where(key);
    return row?.status === 'done' || row?.status === 'skipped' ? 'already-done' : 'busy';
  }

  async lastSeq(handler: string, aggregateType: string, aggregateId: string): Promise<number> {
    const [row] = await this.db
      .select({ lastSeq: aggregateProgress.lastSeq })
      .from(aggregateProgress)
      .where(and(eq(aggregateProgress.handler, handler), eq(aggregateProgress.aggregateType, aggregateType), eq(aggregateProgress.aggregateId, aggregateId)));
    return row?.lastSeq ?? 0;
  }

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
      }
      await tx
        .update(processedEvents)
        .set({ status: 'done', leaseUntil: null, updatedAt: sql`now()` })
        .where(and(eq(processedEvents.handler, handler), eq(processedEvents.eventId, event.eventId)));
      await tx
        .insert(aggregateProgress)
        .values({ handler, aggregateType: event.aggregateType, aggregateId: event.aggregateId, lastSeq: event.sequenceNumber })
        .onConflictDoUpdate({
          target: [aggregateProgress.handler, aggregateProgress.aggregateType, aggregateProgress.aggregateId],
          set: { lastSeq: sql`greatest(${aggregateProgress.lastSeq}, ${event.sequenceNumber})`, updatedAt: sql`now()` },
        });
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
