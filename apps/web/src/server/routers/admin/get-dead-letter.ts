import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { ZDeadLetterDetail, ZEventId, ZHandler } from './dead-letter.schema';

export const getDeadLetter = actorProcedure
  .input(z.object({ handler: ZHandler, eventId: ZEventId }))
  .output(ZDeadLetterDetail)
  .query(({ ctx, input }) => ctx.system.deadLetters.inspect(input.handler, input.eventId));
