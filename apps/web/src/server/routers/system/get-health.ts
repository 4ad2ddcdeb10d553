import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';

export const ZComponentHealth = z.object({
  component: z.string(),
  adapter: z.string(),
  mode: z.enum(['embedded', 'real']),
  up: z.boolean(),
  detail: z.string().optional(),
});

export const getHealth = actorProcedure
  .output(z.array(ZComponentHealth))
  .query(({ ctx }) => ctx.system.health());
