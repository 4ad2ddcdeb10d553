import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { ZHandler, ZRedriveResult } from './dead-letter.schema';

/** Re-drives every dead letter of one handler, stream by stream, each in order. */
export const redriveAllDeadLetters = actorProcedure
  .input(z.object({ handler: ZHandler }))
  .output(ZRedriveResult)
  .mutation(async ({ ctx, input }) => ({ redriven: await ctx.system.deadLetters.redriveAll(input.handler) }));
