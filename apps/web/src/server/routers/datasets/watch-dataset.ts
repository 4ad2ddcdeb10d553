import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { watchChanges } from '../../trpc/watch-changes';

/** Live updates of one dataset: its stream's sequence number on connect and whenever a commit or branch lands. */
export const watchDataset = actorProcedure
  .input(z.object({ datasetId: z.string().min(1) }))
  .subscription(({ ctx, input, signal }) => watchChanges(() => ctx.system.datasets.streamSeq(input.datasetId), signal));
