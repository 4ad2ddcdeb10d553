/**
 * A consumer process for the crash tests, run by the parent test as `node --import tsx <this file>`:
 * builds the system from the config the parent passes, runs the relay and the object-type projection
 * (write-workers.int-support.ts) and reports on stdout, one `@@write-path <json>` line per fact. With
 * SPICE_TEST_PAUSE_AT=<fault point>:<n>[:<event type>] it holds the n-th event that reaches that point there forever,
 * after saying so, and waits for the parent's SIGKILL. SIGTERM stops it cleanly.
 */
import { OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, type ConsumerPolicy } from '@spice/domain';
import type { SpiceConfig } from '../../config/config';
import { createLogger } from '../../logging/logger';
import { createSystem } from '../../composition/composition-root';
import { FAULT_POINTS, withFaultPoints, type FaultPoint } from './fault-points.int-support';
import { startWriteWorkers } from './write-workers.int-support';
import { MARKER, type ConsumerMarker } from './consumer-markers.int-support';

function report(marker: ConsumerMarker): void {
  process.stdout.write(MARKER + JSON.stringify(marker) + '\n');
}

/** `<point>:<n>[:<event type>]`: the n-th event (of that type, if given) to reach the point is held there. */
function pausePoint(spec: string | undefined): { point: FaultPoint; nth: number; eventType?: string } | null {
  if (!spec) return null;
  const [point, nth, eventType] = spec.split(':');
  if (!FAULT_POINTS.includes(point as FaultPoint) || !Number(nth))
    throw new Error(`SPICE_TEST_PAUSE_AT must be <point>:<n>[:<event type>], got ${spec}`);
  return { point: point as FaultPoint, nth: Number(nth), ...(eventType ? { eventType } : {}) };
}

async function main() {
  const config = JSON.parse(process.env.SPICE_TEST_CONFIG ?? '') as SpiceConfig;
  const pause = pausePoint(process.env.SPICE_TEST_PAUSE_AT);
  const leaseMs = Number(process.env.SPICE_TEST_LEASE_MS ?? 2_000);
  // A short lease: the claim of a killed consumer is taken over within seconds, not the default 30.
  const policy: ConsumerPolicy = { leaseMs, maxAttempts: 1_000, backoff: { baseMs: 50, maxMs: 200 } };

  const system = await createSystem(config, createLogger('warn'));
  let seen = 0;
  const faults = withFaultPoints(system.relational.db, async (point, event) => {
    report({ kind: 'reached', point, ...event });
    if (!pause || pause.point !== point || (pause.eventType && pause.eventType !== event.eventType)) return;
    if (++seen === pause.nth) {
      report({ kind: 'paused', point, ...event });
      await new Promise<never>(() => undefined);
    }
  });
  const workers = await startWriteWorkers(system, {
    topic: required('SPICE_TEST_TOPIC'),
    groupId: required('SPICE_TEST_GROUP'),
    policy,
    ports: faults.ports,
    handler: faults.handler,
    onRelayError: (e) => system.logger.warn({ err: e }, 'relay cycle failed'),
  });
  report({ kind: 'ready' });

  // The parent holds our stdin: when it goes away (a test run aborted), so do we, leaving no claim holder behind.
  process.stdin.on('end', () => process.exit(1)).resume();

  process.once('SIGTERM', () => {
    void (async () => {
      await workers.stop();
      await system.stop();
      process.exit(0);
    })();
  });

  for (;;) {
    const { rows } = await system.relational.sql.query<{ appended: number; done: number }>(
      `select (select coalesce(sum(last_seq - first_seq + 1), 0)::int from event_ledger where aggregate_type = $1) as appended,
              (select count(*)::int from processed_events where handler = $2 and aggregate_type = $1 and status = 'done') as done`,
      [ONTOLOGY_AGGREGATE, OBJECT_TYPE_PROJECTION],
    );
    const { appended, done } = rows[0]!;
    if (done >= appended) {
      report({ kind: 'caught-up', appended, done });
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
