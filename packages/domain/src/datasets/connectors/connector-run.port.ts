/** How a run was started. */
export type ConnectorTrigger = 'schedule' | 'manual';

/**
 * unchanged: the source had nothing new (`unchangedBy` says how that was known); committed: a new version of
 * the dataset; failed: `error` says why. Null while the run is going.
 */
export type ConnectorRunOutcome = 'unchanged' | 'committed' | 'failed';

/**
 * not-modified: the source answered 304 to the last ETag / Last-Modified; content-hash: the bytes hash the
 * same as the last run that landed; existing-version: the branch's head already holds these bytes.
 */
export type UnchangedBy = 'not-modified' | 'content-hash' | 'existing-version';

export interface ConnectorRunError {
  readonly code: string;
  readonly message: string;
}

export interface ConnectorRun {
  readonly runId: string;
  readonly connectorId: string;
  /** The connector's revision the run fetched (see ConnectorState.revision). */
  readonly revision: number;
  readonly trigger: ConnectorTrigger;
  /** The schedule slot a scheduled run stands for; null for a manual run. */
  readonly scheduledFor: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly outcome: ConnectorRunOutcome | null;
  readonly unchangedBy: UnchangedBy | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** SHA-256 of the fetched bytes. */
  readonly contentHash: string | null;
  readonly sizeBytes: number | null;
  readonly versionId: string | null;
  readonly ingestJobId: string | null;
  readonly error: ConnectorRunError | null;
}

export type NewConnectorRun = Pick<ConnectorRun, 'runId' | 'connectorId' | 'revision' | 'trigger' | 'scheduledFor'>;

export type ConnectorRunResult = Pick<
  ConnectorRun,
  'unchangedBy' | 'etag' | 'lastModified' | 'contentHash' | 'sizeBytes' | 'versionId' | 'ingestJobId' | 'error'
> & { readonly outcome: ConnectorRunOutcome };

/**
 * Run history, and each connector's schedule row with a lease: whoever holds a connector's lease is the only
 * one running it, across processes. A claim is one conditional update, so two schedulers racing for a slot
 * cannot both win it.
 */
export interface ConnectorRunStore {
  /**
   * Takes the connector's lease when it is free (or already `owner`'s). With a `slot` (a scheduled run) the
   * claim also takes the slot, and fails if that slot or a later one was already taken.
   */
  claim(connectorId: string, owner: string, leaseMs: number, slot: Date | null): Promise<boolean>;
  renew(connectorId: string, owner: string, leaseMs: number): Promise<boolean>;
  release(connectorId: string, owner: string): Promise<void>;
  /** The last slot taken of each connector that has one. */
  lastScheduled(): Promise<ReadonlyMap<string, Date>>;
  start(run: NewConnectorRun): Promise<ConnectorRun>;
  finish(runId: string, result: ConnectorRunResult): Promise<ConnectorRun>;
  /** Closes as failed the connector's runs left open by a process that died (the caller holds the lease). */
  closeInterrupted(connectorId: string, error: ConnectorRunError): Promise<number>;
  /** The newest run of `revision` whose content landed (committed or unchanged): what the next fetch compares against. */
  lastLanded(connectorId: string, revision: number): Promise<ConnectorRun | null>;
  /** Newest first. */
  list(connectorId: string, limit: number): Promise<ConnectorRun[]>;
  get(runId: string): Promise<ConnectorRun | null>;
}
