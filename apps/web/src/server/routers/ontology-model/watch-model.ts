import { actorProcedure } from '../../trpc/procedures';
import { ZOntologyRef } from './ontology-model.schema';
import { watchChanges } from '../../trpc/watch-changes';

/**
 * Live updates of one branch: yields its stream's sequence number on connect and whenever it moves, so a client
 * refetches the model (another tab's or another user's edit shows up without a reload).
 */
export const watchModel = actorProcedure
  .input(ZOntologyRef)
  .subscription(({ ctx, input, signal }) => watchChanges(() => ctx.system.ontology.streamSeq(input), signal));
