/** Time is an input, so decisions and tests are deterministic. */
export interface Clock {
  now(): Date;
}

/** Time-ordered ids (UUIDv7) for events and commands; domain ids are prefixed (`ot_…`). */
export interface IdGenerator {
  /** A new time-ordered UUID. */
  uuid(): string;
  /** A new prefixed domain id, e.g. `ot_01J…`. */
  prefixed(prefix: string): string;
}
