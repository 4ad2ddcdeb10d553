import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { ZEventId, ZHandler, ZRedriveResult } from './dead-letter.schema';

/** Re-drives one dead letter and the later dead letters of its stream. */
export const redriveDeadLetter = actorProcedure
  .input(z.object({ handler: ZHandler, eventId: ZEventId }))
  .output(ZRedriveResult)
  .mutation(async ({ ctx, input }) => ({ redriven: await ctx.system.deadLetters.redrive(input.handler, input.eventId) }));
