import { Relay } from '@spice/domain';
import type { BenchStack } from './bench-stack';
import { perSecond } from './stats';
import { TimeLedger, type CallTimes } from './time-ledger';

/** The options composition-root.ts gives the relay, on the bench's own topic. */
const RELAY_BATCH_SIZE = 1000;

export interface RelayFigure {
  readonly events: number;
  readonly cycles: number;
  readonly eventsPerSec: number;
  readonly seconds: number;
  /** Per relay cycle: reading pending ledger rows, publishing to the bus, marking them published. */
  readonly perCycle: { readonly readMs: number; readonly publishMs: number; readonly markMs: number };
}

/**
 * Drains the ledger into the bus: everything the append phases wrote while no relay ran. Times the relay's
 * own cycle (runOnce, what its loop calls) until nothing is pending.
 */
export async function measureRelay(stack: BenchStack): Promise<RelayFigure> {
  const { system } = stack;
  await system.bus.ensureTopic(stack.topic, { partitions: 4 });
  const relay = new Relay(system.events, system.bus, {
    topic: stack.topic,
    batchSize: RELAY_BATCH_SIZE,
    idleWaitMs: 100,
    retryDelayMs: 1_000,
  });
  const ledger = new TimeLedger();
  const undo = [
    ledger.instrument(system.events, 'events', ['unpublished', 'markPublished']),
    ledger.instrument(system.bus, 'bus', ['publish']),
  ];
  let events = 0;
  let cycles = 0;
  const started = performance.now();
  try {
    for (;;) {
      const published = await relay.runOnce();
      if (published === 0) break;
      events += published;
      cycles += 1;
    }
  } finally {
    undo.forEach((u) => u());
  }
  const ms = performance.now() - started;
  const perCycle = (t: CallTimes) => Math.round(t.totalMs / Math.max(1, cycles));
  return {
    events,
    cycles,
    eventsPerSec: perSecond(events, ms),
    seconds: Math.round(ms) / 1000,
    perCycle: {
      readMs: perCycle(ledger.get('events.unpublished')),
      publishMs: perCycle(ledger.get('bus.publish')),
      markMs: perCycle(ledger.get('events.markPublished')),
    },
  };
}
