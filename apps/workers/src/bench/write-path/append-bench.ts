import { randomUUID } from 'node:crypto';
import {
  isDomainError,
  ONTOLOGY_AGGREGATE,
  ONTOLOGY_EVENT_SCHEMA_VERSION,
  SEQUENCE_CONFLICT,
  type PendingEvent,
} from '@spice/domain';
import type { System } from '@spice/adapters';
import { latencySummary, perSecond, round } from './stats';
import { TimeLedger } from './time-ledger';

export interface AppendPhase {
  readonly writers: number;
  /** Writers are spread over this many aggregates; equal to `writers` when each has its own. */
  readonly aggregates: number;
  readonly seconds: number;
}

export interface AppendFigure {
  /** The object store the appends wrote to: s3 on the real stack, local for the without-S3 comparison. */
  readonly objectStore: string;
  readonly writers: number;
  readonly aggregates: number;
  readonly appends: number;
  readonly appendsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Attempts refused with SEQUENCE_CONFLICT (another writer appended first); retried with the current sequence. */
  readonly conflicts: number;
  /** Mean time of the object-store put inside an append (includes waiting for the server). */
  readonly putMeanMs: number;
  /** Mean time of the ledger's statements around it (row lock, event-id check, records, commit). */
  readonly ledgerMeanMs: number;
}

const WARMUP_MS = 1_000;

/**
 * Appends through system.events.append: `writers` loops, each appending one ObjectTypeDefined event at a
 * time to its aggregate with the expected sequence it last saw. Latency is per successful append; the first
 * second is warm-up and not counted.
 */
export async function measureAppends(
  system: System,
  runId: string,
  phase: AppendPhase,
): Promise<AppendFigure> {
  const { events, objects } = system;
  const objectStore = system.config.objectStore.kind;
  const aggregateIds = Array.from(
    { length: phase.aggregates },
    (_, i) => `bench-${runId}-${objectStore}-w${phase.writers}-a${phase.aggregates}-${i}`,
  );
  const lastSeen = new Map(aggregateIds.map((id) => [id, 0]));
  const ledger = new TimeLedger();
  const latencies: number[] = [];
  let conflicts = 0;
  const started = performance.now();
  const measureFrom = started + WARMUP_MS;
  const end = measureFrom + phase.seconds * 1000;

  const undo = ledger.instrument(objects, 'objects', ['putIfAbsent']);
  const writer = async (w: number) => {
    const aggregateId = aggregateIds[w % aggregateIds.length]!;
    while (performance.now() < end) {
      const expectedSeq = lastSeen.get(aggregateId)!;
      const t0 = performance.now();
      try {
        const result = await events.append({
          aggregateType: ONTOLOGY_AGGREGATE,
          aggregateId,
          expectedSeq,
          events: [objectTypeDefined(runId, aggregateId, expectedSeq + 1)],
          context: { commandId: randomUUID(), actor: 'bench@spice.local' },
        });
        lastSeen.set(aggregateId, Math.max(lastSeen.get(aggregateId)!, result.lastSeq));
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          latencies.push(t1 - t0);
          ledger.add('append', t1 - t0);
        }
      } catch (e) {
        if (!isDomainError(e) || e.code !== SEQUENCE_CONFLICT) throw e;
        conflicts += 1;
        const current = Number(e.context.currentSeq ?? 0);
        lastSeen.set(aggregateId, Math.max(lastSeen.get(aggregateId)!, current));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: phase.writers }, (_, w) => writer(w)));
  } finally {
    undo();
  }
  const put = ledger.get('objects.putIfAbsent');
  const append = ledger.get('append');
  const { p50Ms, p99Ms } = latencySummary(latencies);
  return {
    objectStore,
    writers: phase.writers,
    aggregates: phase.aggregates,
    appends: latencies.length,
    appendsPerSec: perSecond(latencies.length, phase.seconds * 1000),
    p50Ms,
    p99Ms,
    conflicts,
    putMeanMs: put.meanMs,
    ledgerMeanMs: round(Math.max(0, append.meanMs - put.meanMs), 2),
  };
}

/** An event as DefineObjectType emits it, so the projection does its real work on it. */
export function objectTypeDefined(runId: string, aggregateId: string, seq: number): PendingEvent {
  return {
    eventType: 'ObjectTypeDefined',
    schemaVersion: ONTOLOGY_EVENT_SCHEMA_VERSION,
    payload: {
      objectTypeId: `ot-${runId}-${aggregateId}-${seq}`,
      apiName: `Bench${seq}`,
      displayName: `Bench ${seq}`,
      description: 'An object type appended by the write-path benchmark',
      status: 'experimental',
      properties: [
        { apiName: 'key', displayName: 'Key', dataType: 'string', required: true },
        { apiName: 'weight', displayName: 'Weight', dataType: 'double' },
        { apiName: 'seenOn', displayName: 'Seen on', dataType: 'date' },
      ],
      primaryKey: 'key',
    },
  };
}
