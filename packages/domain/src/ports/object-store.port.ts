import type { HealthCheckable } from '../shared/health';

/**
 * Immutable-friendly blob storage. Keys are `/`-separated, UTF-8, at most 1024 bytes, and shaped like paths in
 * a file tree, because S3 servers that keep each object as a file (MinIO) cannot hold anything else: no empty
 * segment (`a//b`, a trailing `/`), no `.` or `..` segment, no NUL, and no key that is also the folder of
 * other keys (`a` beside `a/b`). Implementations: local directory (embedded) and S3 (real).
 */
export interface ObjectStore extends HealthCheckable {
  /**
   * Writes `body` at `key` only if nothing is there yet (S3: `If-None-Match: *`).
   * A lost race throws DomainError code `OBJECT_STORE.ALREADY_EXISTS` (kind `conflict`).
   */
  putIfAbsent(key: string, body: Uint8Array, options?: PutOptions): Promise<void>;
  /** Overwrites. Only for mutable things such as checkpoints; events never use it. */
  put(key: string, body: Uint8Array, options?: PutOptions): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /**
   * Streams the local file at `filePath` to `key` without holding it in memory (files of many GB). Overwrites,
   * unless `ifAbsent`, which refuses an existing key exactly as putIfAbsent does. Readers of `key` see the old
   * object or the whole new one. A missing source file throws `OBJECT_STORE.SOURCE_FILE_NOT_FOUND` (`not_found`).
   */
  putFile(key: string, filePath: string, options?: PutFileOptions): Promise<{ sizeBytes: number }>;
  /**
   * Streams the object into the local file `filePath` (whose directory must exist), replacing it. The bytes go to
   * a temp name beside it that is renamed once whole, so a reader of `filePath` never sees part of a file. The
   * file is a copy: changing it leaves the object as it was. False, and nothing written, when there is no object.
   */
  getFile(key: string, filePath: string): Promise<boolean>;
  /** The object's size in bytes, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Keys under `prefix`, ascending in byte order, optionally strictly after `startAfter`, at most `limit`. */
  list(prefix: string, options?: ListOptions): Promise<string[]>;
  delete(key: string): Promise<void>;
}

export interface PutOptions {
  readonly contentType?: string;
}

export interface PutFileOptions extends PutOptions {
  /** Create-if-absent, as putIfAbsent: an existing key throws `OBJECT_STORE.ALREADY_EXISTS`. */
  readonly ifAbsent?: boolean;
}

export interface ListOptions {
  readonly startAfter?: string;
  readonly limit?: number;
}

export const OBJECT_ALREADY_EXISTS = 'OBJECT_STORE.ALREADY_EXISTS';
export const OBJECT_SOURCE_FILE_NOT_FOUND = 'OBJECT_STORE.SOURCE_FILE_NOT_FOUND';
