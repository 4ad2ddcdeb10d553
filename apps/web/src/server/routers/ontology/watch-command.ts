import { setTimeout as sleep } from 'node:timers/promises';
import { actorProcedure } from '../../trpc/procedures';
import { ZCommandId, type CommandStatus } from './command.schema';

const POLL_MS = 150;
const FINAL_PHASES: ReadonlySet<CommandStatus['phase']> = new Set(['visible', 'failed']);

/**
 * Follows one command live: yields its status on connect and on every change of phase (pending, applied,
 * visible, or failed with the error), and ends once it is visible or failed. Polling the command log and
 * the projection's progress works whichever process applied or projected it.
 */
export const watchCommand = actorProcedure.input(ZCommandId).subscription(async function* ({ ctx, input, signal }) {
  let last: CommandStatus['phase'] | null = null;
  while (!signal?.aborted) {
    const status = await ctx.system.ontology.commandStatus(input.commandId);
    if (status.phase !== last) {
      last = status.phase;
      yield status;
    }
    if (FINAL_PHASES.has(status.phase)) return;
    try {
      await sleep(POLL_MS, undefined, { signal });
    } catch {
      return; // aborted: the client went away
    }
  }
});
