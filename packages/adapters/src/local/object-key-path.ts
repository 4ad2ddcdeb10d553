import { invalid } from '@spice/domain';

/**
 * How object keys become paths under the store's root. Each `/`-separated segment is one path component:
 * inner segments are directories named `<encoded>.dir`, the last is a file named `<encoded>.obj`.
 *
 * Encoding keeps only `a-z 0-9 _ -` and percent-encodes every other UTF-8 byte (upper-case hex), so:
 * - no key can escape the root: `.` is always encoded, so `..`, `.` and empty segments cannot name a parent;
 * - no two keys collide, even on case-insensitive or Unicode-normalising file systems (upper case is encoded too);
 * - a key and a longer key under it coexist (`a` is `a.obj`, `a/b` lives in `a.dir/`);
 * - names the store did not write (temp files, stray files) do not decode and are ignored.
 */
const FILE_SUFFIX = '.obj';
const DIR_SUFFIX = '.dir';
const MAX_KEY_BYTES = 1024;
const MAX_NAME_BYTES = 255;
const ENCODED_NAME = /^(?:[a-z0-9_-]|%[0-9A-F]{2})*$/;
const LONE_SURROGATE = /\p{Cs}/u;

export const INVALID_OBJECT_KEY = 'OBJECT_STORE.INVALID_KEY';

export interface ObjectPath {
  /** Encoded directory names from the root down to the object's directory. */
  readonly dirs: readonly string[];
  readonly file: string;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly segment: string;
  readonly kind: 'object' | 'directory';
}

export function objectPathOf(key: string): ObjectPath {
  assertValidKey(key);
  const segments = key.split('/').map(encodeSegment);
  for (const encoded of segments) {
    if (Buffer.byteLength(encoded) + FILE_SUFFIX.length > MAX_NAME_BYTES) {
      throw invalid(
        INVALID_OBJECT_KEY,
        `Object key segment too long for a local file name once encoded: ${key}`,
      );
    }
  }
  const file = segments.pop()!;
  return { dirs: segments.map((s) => s + DIR_SUFFIX), file: file + FILE_SUFFIX };
}

/** Encoded directory names for whole segments, e.g. `a/b/` or `a/b/c` -> the directories of `a` and `b`. */
export function directoryNamesOf(segments: readonly string[]): string[] {
  return segments.map((s) => encodeSegment(s) + DIR_SUFFIX);
}

/** The entry a directory listing name stands for, or null when the store did not write it. */
export function decodeEntry(name: string): DirectoryEntry | null {
  const kind = name.endsWith(FILE_SUFFIX) ? 'object' : name.endsWith(DIR_SUFFIX) ? 'directory' : null;
  if (kind === null) return null;
  const encoded = name.slice(0, -FILE_SUFFIX.length);
  if (!ENCODED_NAME.test(encoded)) return null;
  const segment = Buffer.from(
    encoded.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
  return encodeSegment(segment) === encoded ? { name, segment, kind } : null;
}

function encodeSegment(segment: string): string {
  let out = '';
  for (const byte of Buffer.from(segment, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[a-z0-9_-]/.test(c) ? c : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function assertValidKey(key: string): void {
  if (key.length === 0) throw invalid(INVALID_OBJECT_KEY, 'Object key must not be empty');
  // A lone surrogate has no UTF-8 form: two different keys would be stored under the same bytes.
  if (LONE_SURROGATE.test(key)) throw invalid(INVALID_OBJECT_KEY, 'Object key must be well-formed Unicode');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw invalid(INVALID_OBJECT_KEY, `Object key longer than ${MAX_KEY_BYTES} UTF-8 bytes`);
  }
}
