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

/** Every command and its outcome; `begin` is the idempotency gate for a retried command id. */
export interface CommandLog {
  /** Records a new pending command, or returns the existing record when the id was seen before. */
  begin(record: Omit<CommandRecord, 'status' | 'sequenceNumber' | 'error' | 'createdAt' | 'updatedAt'>): Promise<CommandRecord | null>;
  markApplied(commandId: string, sequenceNumber: number): Promise<void>;
  markFailed(commandId: string, error: { code: string; message: string; issues?: unknown }): Promise<void>;
  get(commandId: string): Promise<CommandRecord | null>;
}
