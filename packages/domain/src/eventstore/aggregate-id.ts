import { invalid } from '../shared/errors';
import { sha256Hex } from '../shared/sha256';

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

/**
 * Longest segment kept as the id spelled out. Percent-encoding can make an id nine times longer, and object
 * stores encode keys again (the local store writes each byte outside `a-z 0-9 _ -` as three in a file name
 * of at most 255 bytes; S3 keys end at 1024 bytes): 80 characters fit everywhere even at three bytes each.
 */
const MAX_SPELLED_OUT_SEGMENT = 80;
const DIGESTED_HEAD = 40;

/**
 * A key segment that any object store can hold and that names exactly one id: the id percent-encoded, or,
 * when that is too long, its first characters and the SHA-256 of the whole id. `~` is always encoded in the
 * first form, so the two forms can never be equal.
 */
export function aggregateIdKeySegment(normalisedId: string): string {
  const encoded = spellOut(normalisedId);
  if (encoded.length <= MAX_SPELLED_OUT_SEGMENT) return encoded;
  let head = '';
  for (const char of normalisedId) {
    const next = spellOut(char);
    if (head.length + next.length > DIGESTED_HEAD) break;
    head += next;
  }
  return `${head}~${sha256Hex(normalisedId)}`;
}

function spellOut(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*~.]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
