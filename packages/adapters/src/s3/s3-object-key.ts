import { invalid } from '@spice/domain';

export const OBJECT_STORE_INVALID_KEY = 'OBJECT_STORE.INVALID_KEY';

const MAX_KEY_BYTES = 1024;
// MinIO trims these around a segment before refusing `.` and `..`, and splits on `\` as well as `/`.
const DOT_SEGMENT = /^[\t\n\v\f\r ]*\.\.?[\t\n\v\f\r ]*$/;

/**
 * Refuses keys outside the ObjectStore key rules, the ones MinIO enforces because it keeps each object as a
 * file. AWS S3 would take them, so checking here makes a key behave the same on every S3 server.
 */
export function checkObjectKey(key: string): void {
  const problem = keyProblem(key);
  if (problem)
    throw invalid(OBJECT_STORE_INVALID_KEY, `Invalid object key ${JSON.stringify(key)}: ${problem}`, [
      { path: 'key', message: problem },
    ]);
}

function keyProblem(key: string): string | null {
  if (key.length === 0) return 'must not be empty';
  const utf8 = Buffer.from(key, 'utf8');
  // Encoding replaces a lone surrogate with U+FFFD, so such a key does not survive the round trip.
  if (utf8.toString('utf8') !== key) return 'must be valid UTF-8 (no lone surrogates)';
  if (utf8.length > MAX_KEY_BYTES) return `must be at most ${MAX_KEY_BYTES} UTF-8 bytes`;
  if (key.includes('\u0000')) return 'must not contain NUL';
  if (key.split('/').includes('')) return 'must not have an empty segment (leading, trailing or doubled `/`)';
  if (key.split(/[/\\]/).some((segment) => DOT_SEGMENT.test(segment)))
    return 'must not have a `.` or `..` segment';
  return null;
}
