import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { ZDeadLetterRow, ZHandler } from './dead-letter.schema';

export const listDeadLetters = actorProcedure
  .input(z.object({ handler: ZHandler.optional() }))
  .output(z.array(ZDeadLetterRow))
  .query(async ({ ctx, input }) =>
    (await ctx.system.deadLetters.listDetailed(input.handler)).map(({ deadLetter, event }) => ({ ...deadLetter, eventType: event.eventType })),
  );
