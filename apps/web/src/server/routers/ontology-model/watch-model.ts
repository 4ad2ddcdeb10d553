import { setTimeout as sleep } from 'node:timers/promises';
import { actorProcedure } from '../../trpc/procedures';
import { ZOntologyRef } from './ontology-model.schema';

const POLL_MS = 500;

/**
 * Live updates of one branch: yields its stream's sequence number on connect and whenever it moves, so a client
 * refetches the model (another tab's or another user's edit shows up without a reload).
 */
export const watchModel = actorProcedure.input(ZOntologyRef).subscription(async function* ({ ctx, input, signal }) {
  let seen = await ctx.system.ontology.streamSeq(input);
  yield seen;
  while (!signal?.aborted) {
    try {
      await sleep(POLL_MS, undefined, { signal });
    } catch {
      return; // aborted: the client went away
    }
    const seq = await ctx.system.ontology.streamSeq(input);
    if (seq !== seen) {
      seen = seq;
      yield seq;
    }
  }
});
