import { sql } from 'drizzle-orm';
import type { EventEnvelope, ObjectTypeDoc, ReadModelRebuild, RebuiltReadModel } from '@spice/domain';
import type { Database } from '../client';
import { aggregateProgress, objectTypes, processedEvents, projectionVersions } from '../schema';
import { resetHandlerInTx } from './processed-events.repository';

const PROJECTION = 'object_types';
const CHUNK = 500;

/** Replaces the object-type table and its handler's registry rows in one transaction (see ReadModelRebuild). */
export class PgObjectTypeRebuild implements ReadModelRebuild<ObjectTypeDoc> {
  constructor(private readonly db: Database) {}

  async replace(handler: string, { documents, applied }: RebuiltReadModel<ObjectTypeDoc>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(objectTypes);
      await resetHandlerInTx(tx, handler);
      for (const chunk of chunks(documents)) {
        await tx.insert(objectTypes).values(chunk.map((d) => ({ ...d, createdAt: new Date(d.createdAt), updatedAt: new Date(d.updatedAt) })));
      }
      // The rows a live commit leaves behind (markDoneInTx): done, no failed attempt, no lease.
      for (const chunk of chunks(applied)) {
        await tx.insert(processedEvents).values(
          chunk.map((e) => ({
            handler,
            eventId: e.eventId,
            aggregateType: e.aggregateType,
            aggregateId: e.aggregateId,
            sequenceNumber: e.sequenceNumber,
            status: 'done' as const,
            attempts: 0,
          })),
        );
      }
      for (const chunk of chunks(lastSequences(applied))) {
        await tx.insert(aggregateProgress).values(chunk.map((p) => ({ handler, ...p })));
      }
      // Open pages follow this counter: the whole model changed.
      await tx
        .insert(projectionVersions)
        .values({ projection: PROJECTION, version: 1 })
        .onConflictDoUpdate({ target: projectionVersions.projection, set: { version: sql`${projectionVersions.version} + 1`, updatedAt: sql`now()` } });
    });
  }
}

function lastSequences(events: readonly EventEnvelope[]): { aggregateType: string; aggregateId: string; lastSeq: number }[] {
  const last = new Map<string, { aggregateType: string; aggregateId: string; lastSeq: number }>();
  for (const e of events) {
    const key = JSON.stringify([e.aggregateType, e.aggregateId]);
    const seen = last.get(key);
    if (!seen || seen.lastSeq < e.sequenceNumber) last.set(key, { aggregateType: e.aggregateType, aggregateId: e.aggregateId, lastSeq: e.sequenceNumber });
  }
  return [...last.values()];
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
