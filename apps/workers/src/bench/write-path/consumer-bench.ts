import { loadavg } from 'node:os';
import { IdempotentConsumer, ObjectTypeProjector, type Subscription } from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import type { BenchStack } from './bench-stack';
import { perSecond, round } from './stats';
import { TimeLedger } from './time-ledger';

export interface ConsumerFigure {
  readonly events: number;
  /** Batches whose handler threw and were redelivered: more than 0 means an outage disturbed the run. */
  readonly redeliveries: number;
  readonly eventsPerSec: number;
  readonly seconds: number;
  readonly batches: number;
  readonly meanBatchSize: number;
  /** Mean time per event of each step of the batched path; `other` is the bus (fetch, offset commit) and our code. */
  readonly perEventMs: Record<string, number>;
  /** Events the registry holds as done for the bench handler afterwards (a check that the work was real). */
  readonly registryDone: number;
  readonly date: string;
  /** The 1-minute load average when the projection phase started. */
  readonly loadAtStart: number;
}

/** The steps of a batch, by the port method that does each; every one is a single call per batch. */
export const CONSUMER_STEPS = {
  lastSeq: 'registry.lastSeqBatch',
  claim: 'registry.claimBatch',
  readModelGet: 'readModel.getMany',
  searchWrite: 'search.bulk',
  commit: 'readModel.commitBatch',
} as const;

/**
 * The object-type projection behind the idempotent consumer, wired as composition-root.ts wires it (batch
 * subscription, `handleBatch`), reading the bench topic from the beginning in a consumer group of its own.
 * Times from the first delivery until the topic is drained or `maxSeconds` have passed, so the group join is
 * not counted.
 */
export async function measureConsumer(stack: BenchStack, maxSeconds: number): Promise<ConsumerFigure> {
  const { system } = stack;
  const loadAtStart = round(loadavg()[0]!, 1);
  const readModel = new PgObjectTypeReadModel(system.relational.db);
  const projector = new ObjectTypeProjector(readModel, system.search);
  const consumer = new IdempotentConsumer(projector, {
    events: system.events,
    registry: system.registry,
    bus: system.bus,
    owner: `bench.${stack.runId}`,
  });
  const ledger = new TimeLedger();
  const undo = [
    ledger.instrument(system.registry, 'registry', ['lastSeqBatch', 'claimBatch']),
    ledger.instrument(readModel, 'readModel', ['getMany', 'commitBatch']),
    ledger.instrument(system.search, 'search', ['bulk']),
  ];
  const published = await publishedEvents(stack);
  if (published === 0)
    throw new Error('Nothing was relayed to the bench topic: the consumer has nothing to read');
  let handled = 0;
  let batches = 0;
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
      handleBatch: async (messages) => {
        if (!firstAt) {
          firstAt = performance.now();
          stopAt = firstAt + maxSeconds * 1000;
        }
        try {
          await consumer.handleBatch(messages);
        } catch (e) {
          redeliveries += 1;
          throw e;
        }
        handled += messages.length;
        batches += 1;
        const now = performance.now();
        if (!counted && (handled >= published || now >= stopAt)) {
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
  const perEvent = (total: number) => round(total / handled, 3);
  const stepMs = Object.fromEntries(Object.entries(CONSUMER_STEPS).map(([step, probe]) => [step, perEvent(ledger.get(probe).totalMs)]));
  const accounted = Object.values(stepMs).reduce((a, b) => a + b, 0);
  return {
    events,
    redeliveries,
    eventsPerSec: perSecond(events, ms),
    seconds: Math.round(ms) / 1000,
    batches,
    meanBatchSize: round(handled / Math.max(1, batches), 1),
    perEventMs: { ...stepMs, other: round(Math.max(0, ms / events - accounted), 3) },
    registryDone: await registryDone(stack, projector.name),
    date: new Date().toISOString().slice(0, 10),
    loadAtStart,
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
