import { setTimeout as sleep } from 'node:timers/promises';
import type { ConnectorScheduler } from '@spice/domain';
import type { Logger } from '../../logging/logger';

/**
 * Ticks the connector scheduler on an interval with the wall clock, one tick at a time (a tick that runs long
 * makes the next wait rather than overlap it). The returned stop waits for a tick in flight, but not for ever:
 * a tick stuck on a store that went away must not keep the process from stopping (its run is closed as
 * interrupted by the next scheduler).
 */
const STOP_WAIT_MS = 10_000;

export function startSchedulerLoop(scheduler: ConnectorScheduler, logger: Logger, everyMs: number): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = scheduler
      .tick(new Date())
      .then(({ runs, errors }) => {
        if (runs.length) logger.info({ runs: runs.map((r) => ({ connectorId: r.connectorId, outcome: r.outcome, versionId: r.versionId, error: r.error })) }, 'connector runs');
        for (const { connectorId, error } of errors) logger.warn({ err: error, connectorId }, 'connector run could not be recorded; it is due again next tick');
      })
      .catch((e: unknown) => logger.warn({ err: e }, 'connector scheduler tick failed; retrying'))
      .finally(() => {
        inFlight = null;
      });
  }, everyMs);
  return async () => {
    clearInterval(timer);
    if (inFlight) await Promise.race([inFlight, sleep(STOP_WAIT_MS, undefined, { ref: false })]);
  };
}
