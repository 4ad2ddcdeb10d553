import { invalid } from '../shared/errors';

export const MAX_AGGREGATE_ID_LENGTH = 200;

/**
 * The one rule for aggregate ids: Unicode NFC, surrounding whitespace removed, case kept.
 * Two ids that differ only in normalisation form or surrounding blanks are the same aggregate;
 * ids that differ in case are different aggregates. Control characters are refused.
 */
export function normaliseAggregateId(raw: string): string {
  const id = raw.normalize('NFC').trim();
  if (id.length === 0) throw invalid('EVENT_STORE.INVALID_AGGREGATE_ID', 'Aggregate id is empty', [{ path: 'aggregateId', message: 'must not be empty' }]);
  if (id.length > MAX_AGGREGATE_ID_LENGTH)
    throw invalid('EVENT_STORE.INVALID_AGGREGATE_ID', `Aggregate id is longer than ${MAX_AGGREGATE_ID_LENGTH} characters`, [
      { path: 'aggregateId', message: `must be at most ${MAX_AGGREGATE_ID_LENGTH} characters` },
    ]);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id))
    throw invalid('EVENT_STORE.INVALID_AGGREGATE_ID', 'Aggregate id contains control characters', [
      { path: 'aggregateId', message: 'must not contain control characters' },
    ]);
  return id;
}

/** A key segment that any object store can hold and that maps back to exactly one id. */
export function aggregateIdKeySegment(normalisedId: string): string {
  return encodeURIComponent(normalisedId).replace(/[!'()*~.]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
