import type { FaultPoint } from './fault-points.int-support';

/** What a consumer process says on stdout, one `@@write-path <json>` line per fact. */
export const MARKER = '@@write-path ';

export type ConsumerMarker =
  | { kind: 'ready' }
  | { kind: 'reached'; point: FaultPoint; eventId: string; eventType: string }
  | { kind: 'paused'; point: FaultPoint; eventId: string; eventType: string }
  | { kind: 'caught-up'; appended: number; done: number };
