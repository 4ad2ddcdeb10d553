import { and, count, eq, gt, sql } from 'drizzle-orm';
import { conflict, type HandlerFence } from '@spice/domain';
import type { Database } from '../client';
import { handlerFences, processedEvents } from '../schema';

const until = (ttlMs: number) => sql`now() + ${`${ttlMs} milliseconds`}::interval`;

/**
 * The fence as a row that every claim statement checks as it writes (PgProcessedEventsRegistry). Raising it
 * takes a lock that waits for the claim statements under way and holds new ones back until the fence is
 * committed, so no claim slips past it unseen.
 */
export class PgHandlerFence implements HandlerFence {
  constructor(private readonly db: Database) {}

  async raise(handler: string, holder: string, ttlMs: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${processedEvents} in share row exclusive mode`);
      const [raised] = await tx
        .insert(handlerFences)
        .values({ handler, holder, until: until(ttlMs) })
        .onConflictDoUpdate({
          target: handlerFences.handler,
          set: { holder, until: until(ttlMs), raisedAt: sql`now()` },
          // Taken over only from a holder that let it expire.
          setWhere: sql`${handlerFences.until} < now() or ${handlerFences.holder} = ${holder}`,
        })
        .returning({ holder: handlerFences.holder });
      if (!raised) throw conflict('REPLAY.ALREADY_RUNNING', `Another replay of ${handler} is running; wait for it to finish`, { handler });
    });
  }

  async renew(handler: string, holder: string, ttlMs: number): Promise<void> {
    await this.db
      .update(handlerFences)
      .set({ until: until(ttlMs) })
      .where(and(eq(handlerFences.handler, handler), eq(handlerFences.holder, holder)));
  }

  async inFlight(handler: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(processedEvents)
      .where(and(eq(processedEvents.handler, handler), eq(processedEvents.status, 'claimed'), gt(processedEvents.leaseUntil, sql`now()`)));
    return row?.n ?? 0;
  }

  async lift(handler: string, holder: string): Promise<void> {
    await this.db.delete(handlerFences).where(and(eq(handlerFences.handler, handler), eq(handlerFences.holder, holder)));
  }
}
