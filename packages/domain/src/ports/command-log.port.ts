export type CommandStatus = 'pending' | 'applied' | 'failed';

export interface CommandRecord {
  readonly commandId: string;
  readonly commandType: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly actor: string;
  readonly payloadHash: string;
  readonly status: CommandStatus;
  readonly sequenceNumber: number | null;
  readonly error: { code: string; message: string; issues?: unknown } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NewCommand = Omit<CommandRecord, 'status' | 'sequenceNumber' | 'error' | 'createdAt' | 'updatedAt'>;

/** The right to run a pending command: one try's own id, for `ms` from when it was taken or renewed. */
export interface CommandLease {
  readonly owner: string;
  readonly ms: number;
}

export type CommandStart =
  /** A new command id: this try holds the lease and runs the command. */
  | { readonly kind: 'started' }
  /** Pending with no live lease (the try that ran it is gone): this try holds it now; that try may have appended. */
  | { readonly kind: 'resumed' }
  /** Seen before and not this try's to run: settled, run by another try right now, or recorded with other content. */
  | { readonly kind: 'seen'; readonly record: CommandRecord };

/**
 * Every command and its outcome. `begin` is the idempotency gate for a command id: of concurrent tries of one
 * id, exactly one holds the lease and runs it; the others see it pending until it is settled.
 */
export interface CommandLog {
  /**
   * Records a new pending command under `lease`, or takes over a pending one with the same payload hash whose
   * lease has run out or was released; otherwise returns the record as it stands.
   */
  begin(record: NewCommand, lease: CommandLease): Promise<CommandStart>;
  /** Extends a lease this try holds; false when it no longer does (settled, or taken over after it ran out). */
  renew(commandId: string, lease: CommandLease): Promise<boolean>;
  /** Gives up a pending command's lease after a retryable failure, so the client's retry runs it at once. */
  release(commandId: string, owner: string): Promise<void>;
  /** Applied, whoever holds the lease: the command's events are in the store, which is the truth. */
  markApplied(commandId: string, sequenceNumber: number): Promise<void>;
  /**
   * Failed, only while the command is pending under this try's lease; false otherwise (another try took it
   * over, or settled it).
   */
  markFailed(commandId: string, owner: string, error: { code: string; message: string; issues?: unknown }): Promise<boolean>;
  get(commandId: string): Promise<CommandRecord | null>;
}
