import { and, eq, sql } from 'drizzle-orm';
import { conflict, type SequenceAllocator } from '@spice/domain';
import type { Database } from '../client';
import { aggregateSequences } from '../schema';

/** Row-locked counters: `reserve` holds the aggregate's row lock while the event object is written. */
export class PgSequenceAllocator implements SequenceAllocator {
  constructor(private readonly db: Database) {}

  async reserve<T>(aggregateType: string, aggregateId: string, count: number, expectedSeq: number, write: (firstSeq: number) => Promise<T>): Promise<T> {
    await this.db.insert(aggregateSequences).values({ aggregateType, aggregateId, lastSeq: 0 }).onConflictDoNothing();
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ lastSeq: aggregateSequences.lastSeq })
        .from(aggregateSequences)
        .where(and(eq(aggregateSequences.aggregateType, aggregateType), eq(aggregateSequences.aggregateId, aggregateId)))
        .for('update');
      const current = row?.lastSeq ?? 0;
      if (current !== expectedSeq) {
        throw conflict('EVENT_STORE.SEQUENCE_CONFLICT', `The stream changed: expected sequence ${expectedSeq}, current is ${current}`, {
          expectedSeq,
          currentSeq: current,
        });
      }
      const result = await write(current + 1);
      await tx
        .update(aggregateSequences)
        .set({ lastSeq: current + count, updatedAt: sql`now()` })
        .where(and(eq(aggregateSequences.aggregateType, aggregateType), eq(aggregateSequences.aggregateId, aggregateId)));
      return result;
    });
  }

  async current(aggregateType: string, aggregateId: string): Promise<number> {
    const [row] = await this.db
      .select({ lastSeq: aggregateSequences.lastSeq })
      .from(aggregateSequences)
      .where(and(eq(aggregateSequences.aggregateType, aggregateType), eq(aggregateSequences.aggregateId, aggregateId)));
    return row?.lastSeq ?? 0;
  }

  async repair(aggregateType: string, aggregateId: string, lastSeq: number): Promise<void> {
    await this.db
      .insert(aggregateSequences)
      .values({ aggregateType, aggregateId, lastSeq })
      .onConflictDoUpdate({
        target: [aggregateSequences.aggregateType, aggregateSequences.aggregateId],
        set: { lastSeq: sql`greatest(${aggregateSequences.lastSeq}, ${lastSeq})`, updatedAt: sql`now()` },
      });
  }
}
