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
  /** Keys under `prefix`, ascending in byte order, optionally strictly after `startAfter`, at most `limit`. */
  list(prefix: string, options?: ListOptions): Promise<string[]>;
  delete(key: string): Promise<void>;
}

export interface PutOptions {
  readonly contentType?: string;
}

export interface ListOptions {
  readonly startAfter?: string;
  readonly limit?: number;
}

export const OBJECT_ALREADY_EXISTS = 'OBJECT_STORE.ALREADY_EXISTS';
