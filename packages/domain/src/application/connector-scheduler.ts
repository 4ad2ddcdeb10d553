import type { IdGenerator } from '../ports/clock.port';
import type { ConnectorRun } from '../datasets/connectors/connector-run.port';
import type { ConnectorService } from './connector-service';
import type { Actor } from './stream-command-runner';

export interface TickResult {
  readonly runs: readonly ConnectorRun[];
  /** Connectors whose run could not even be recorded (the stores were down); they are due again next tick. */
  readonly errors: readonly { readonly connectorId: string; readonly error: unknown }[];
}

/**
 * Runs connectors on their cron schedules. `tick(now)` is called on an interval by the workers (and with an
 * explicit time by tests): each connector whose schedule fired since its last scheduled run is run once, for
 * the latest slot, however many slots passed while no scheduler ran. Any number of schedulers may tick at once
 * in any number of processes: each slot is taken by one claim on the connector's schedule row.
 */
export class ConnectorScheduler {
  private readonly owner: string;

  constructor(
    private readonly connectors: ConnectorService,
    ids: IdGenerator,
  ) {
    this.owner = `connector-scheduler.${ids.uuid()}`;
  }

  async tick(now: Date): Promise<TickResult> {
    const runs: ConnectorRun[] = [];
    const errors: { connectorId: string; error: unknown }[] = [];
    // One at a time: a scheduler is one worker, and a slow source delays the others rather than piling up.
    for (const { connectorId, slot } of await this.connectors.due(now)) {
      try {
        const run = await this.connectors.runScheduled(connectorId, slot, this.owner);
        if (run) runs.push(run);
      } catch (error) {
        errors.push({ connectorId, error });
      }
    }
    return { runs, errors };
  }

  runNow(connectorId: string, actor: Actor): Promise<ConnectorRun> {
    return this.connectors.runNow(connectorId, actor);
  }
}
