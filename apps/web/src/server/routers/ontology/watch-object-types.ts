import { setTimeout as sleep } from 'node:timers/promises';
import { actorProcedure } from '../../trpc/procedures';

const POLL_MS = 250;

/**
 * Live updates: yields the read model's version on connect and whenever it changes, so a client
 * refetches what it shows. Polling the version works the same whichever process ran the projection.
 */
export const watchObjectTypes = actorProcedure.subscription(async function* ({ ctx, signal }) {
  let seen = await ctx.system.ontology.readModelVersion();
  yield seen;
  while (!signal?.aborted) {
    try {
      await sleep(POLL_MS, undefined, { signal });
    } catch {
      return; // aborted: the client went away
    }
    const version = await ctx.system.ontology.readModelVersion();
    if (version !== seen) {
      seen = version;
      yield version;
    }
  }
});
