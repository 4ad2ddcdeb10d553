import { expect } from 'vitest';
import { OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, type EventEnvelope } from '@spice/domain';
import type { System } from '../../composition/composition-root';

/**
 * Every ontology event in the ledger is done by the object-type projection (nothing lost, nothing left claimed,
 * failed or dead), and the read model's commit counter moved exactly once per event: each commit marks its
 * event done in the same transaction, so any event applied twice would show as a bump too many.
 */
export async function expectEveryEventAppliedOnce(system: System): Promise<void> {
  const { rows } = await system.relational.sql.query<{
    position: number;
    aggregate_id: string;
    seq: number;
    event_id: string;
    status: string | null;
  }>(
    `select l.position::int as position, l.aggregate_id, (e ->> 'sequenceNumber')::int as seq, e ->> 'eventId' as event_id, p.status
       from event_ledger l
       cross join lateral jsonb_array_elements(l.events) e
       left join processed_events p on p.handler = $1 and p.event_id = e ->> 'eventId'
      where l.aggregate_type = $2
      order by l.position`,
    [OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE],
  );
  const notDone = rows
    .filter((r) => r.status !== 'done')
    .map((r) => `${r.aggregate_id}#${r.seq}: ${r.status ?? 'never processed'}`);
  expect(notDone, 'ontology events the registry does not show done').toEqual([]);
  expect(await system.ontology.readModelVersion(), 'read-model commits (one per event)').toBe(rows.length);
}

/** How often each event id occurs in `ids`, for every event (0 when absent). */
export function countPerEvent(events: readonly EventEnvelope[], ids: readonly string[]): Map<string, number> {
  const counts = new Map(events.map((e) => [e.eventId, 0]));
  for (const id of ids) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  return counts;
}

/** Polls `probe` until it returns true; fails naming `what` after a generous deadline (not a timing assertion). */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean> | boolean,
  deadlineMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
