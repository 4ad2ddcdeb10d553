import { IdempotentConsumer, ObjectTypeProjector, type Subscription } from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import type { BenchStack } from './bench-stack';
import { perSecond, round } from './stats';
import { TimeLedger } from './time-ledger';

export interface ConsumerFigure {
  readonly events: number;
  /** Deliveries whose handler threw and were redelivered: more than 0 means an outage disturbed the run. */
  readonly redeliveries: number;
  readonly eventsPerSec: number;
  readonly seconds: number;
  /** Mean time per event of each step of the per-event path; `other` is the bus (fetch, offset commit) and our code. */
  readonly perEventMs: Record<string, number>;
  /** Events the registry holds as done for the bench handler afterwards (a check that the work was real). */
  readonly registryDone: number;
}

const STEPS = [
  'registry.lastSeq',
  'registry.claim',
  'readModel.get',
  'search.index',
  'readModel.commit',
] as const;

/**
 * The object-type projection behind the idempotent consumer, wired as composition-root.ts wires it, reading
 * the bench topic from the beginning in a consumer group of its own. Times from the first delivery until the
 * topic is drained or `maxSeconds` have passed, so the group join is not counted.
 */
export async function measureConsumer(stack: BenchStack, maxSeconds: number): Promise<ConsumerFigure> {
  const { system } = stack;
  const readModel = new PgObjectTypeReadModel(system.relational.db);
  const projector = new ObjectTypeProjector(readModel, system.search);
  const consumer = new IdempotentConsumer(projector, {
    events: system.events,
    registry: system.registry,
    bus: system.bus,
  });
  const ledger = new TimeLedger();
  const undo = [
    ledger.instrument(system.registry, 'registry', ['lastSeq', 'claim']),
    ledger.instrument(readModel, 'readModel', ['get', 'commit']),
    ledger.instrument(system.search, 'search', ['index']),
  ];
  const published = await publishedEvents(stack);
  if (published === 0)
    throw new Error('Nothing was relayed to the bench topic: the consumer has nothing to read');
  let handled = 0;
  let redeliveries = 0;
  let firstAt = 0;
  let stopAt = Number.POSITIVE_INFINITY;
  let counted: { events: number; ms: number } | undefined;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let subscription: Subscription | undefined;
  try {
    subscription = await system.bus.subscribe({
      topic: stack.topic,
      groupId: `bench.${stack.runId}`,
      fromBeginning: true,
      handle: async (message) => {
        if (!firstAt) {
          firstAt = performance.now();
          stopAt = firstAt + maxSeconds * 1000;
        }
        try {
          await consumer.handleMessage(message);
        } catch (e) {
          redeliveries += 1;
          throw e;
        }
        handled += 1;
        const now = performance.now();
        if (!counted && (handled === published || now >= stopAt)) {
          counted = { events: handled, ms: now - firstAt };
          finished();
        }
      },
    });
    await done;
  } finally {
    await subscription?.stop();
    undo.forEach((u) => u());
  }
  const { events, ms } = counted!;
  const perEvent = (total: number) => round(total / handled, 2);
  const stepMs = Object.fromEntries(STEPS.map((s) => [s, perEvent(ledger.get(s).totalMs)]));
  const accounted = Object.values(stepMs).reduce((a, b) => a + b, 0);
  return {
    events,
    redeliveries,
    eventsPerSec: perSecond(events, ms),
    seconds: Math.round(ms) / 1000,
    perEventMs: { ...stepMs, other: round(Math.max(0, ms / events - accounted), 2) },
    registryDone: await registryDone(stack, projector.name),
  };
}

async function publishedEvents(stack: BenchStack): Promise<number> {
  const { rows } = await stack.system.relational.sql.query<{ n: string }>(
    'select coalesce(sum(last_seq - first_seq + 1), 0) as n from event_ledger where published_at is not null',
  );
  return Number(rows[0]!.n);
}

async function registryDone(stack: BenchStack, handler: string): Promise<number> {
  const { rows } = await stack.system.relational.sql.query<{ n: string }>(
    `select count(*) as n from processed_events where handler = $1 and status = 'done'`,
    [handler],
  );
  return Number(rows[0]!.n);
}
