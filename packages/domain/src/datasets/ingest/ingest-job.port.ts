import type { DatasetColumn } from '../dataset/dataset-schema';
import type { DetectedLayout, ReadOptions, ReadProblem, ReadResult } from './tabular-source.port';

/**
 * An ingest job is the outbox of one upload or connector fetch: every step records where it got to, so a
 * process that dies anywhere leaves a job the reconciler can finish or roll back — never half a version.
 *
 *   receiving -> received -> reading -> read (waits for the schema review) -> committing -> committed
 *   any working phase -> failed (bad input: the report is kept, nothing committed)
 *   receiving left by a dead process -> abandoned (the partial upload is deleted; the idempotency key is free again)
 */
export const INGEST_PHASES = ['receiving', 'received', 'reading', 'read', 'committing', 'committed', 'failed', 'abandoned'] as const;
export type IngestPhase = (typeof INGEST_PHASES)[number];

/** Phases a process works in: a job found in one with its lease lapsed was left by a process that died. */
export const WORKING_PHASES: readonly IngestPhase[] = ['receiving', 'received', 'reading', 'committing'];

/** What the user confirmed at review: the schema to cast to, and how rows that do not cast are treated. */
export interface CommitRequest {
  readonly schema: readonly DatasetColumn[];
  readonly message: string;
  readonly expectedHead?: string | null;
  readonly badValues: 'fail' | 'skip';
  readonly actor: string;
}

export interface IngestFailure {
  readonly code: string;
  readonly message: string;
  readonly problems: readonly ReadProblem[];
}

export interface IngestJob {
  readonly jobId: string;
  readonly datasetId: string;
  readonly branch: string;
  readonly idempotencyKey: string | null;
  readonly source: 'upload' | 'connector';
  readonly connectorId: string | null;
  readonly fileName: string;
  readonly sizeBytes: number | null;
  readonly contentHash: string | null;
  readonly phase: IngestPhase;
  readonly options: ReadOptions;
  readonly layout: DetectedLayout | null;
  readonly readResult: ReadResult | null;
  /** The schema type inference proposed (columns with confidences live in `inference`). */
  readonly proposedSchema: readonly DatasetColumn[] | null;
  readonly inference: unknown;
  readonly commitRequest: CommitRequest | null;
  /** Allocated when the job is created, so a resumed commit commits under the same id. */
  readonly versionId: string;
  /** Commit right after reading with the proposed schema (API uploads and connectors); no review step. */
  readonly autoCommit: boolean;
  readonly error: IngestFailure | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NewIngestJob = Pick<
  IngestJob,
  'jobId' | 'datasetId' | 'branch' | 'idempotencyKey' | 'source' | 'connectorId' | 'fileName' | 'options' | 'versionId' | 'autoCommit' | 'createdBy'
> & { readonly commitRequest: CommitRequest | null; readonly sizeBytes: number; readonly contentHash: string };

export type IngestJobPatch = Partial<
  Pick<IngestJob, 'sizeBytes' | 'contentHash' | 'layout' | 'readResult' | 'proposedSchema' | 'inference' | 'commitRequest' | 'error' | 'options'>
> & { readonly phase: IngestPhase };

export interface IngestJobStore {
  /**
   * Records a new job holding `owner`'s lease. A live job (not failed or abandoned) of the same dataset with the
   * same idempotency key wins instead: it is returned with `created: false`.
   */
  create(job: NewIngestJob, owner: string, leaseMs: number): Promise<{ created: boolean; job: IngestJob }>;
  get(jobId: string): Promise<IngestJob | null>;
  /** Takes the job's lease when it is free (or already `owner`'s) and the job is in one of `phases`. */
  claim(jobId: string, owner: string, leaseMs: number, phases: readonly IngestPhase[]): Promise<IngestJob | null>;
  renew(jobId: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Moves the job on while `owner` holds it; `release` gives the lease up (the job waits or is done). */
  advance(jobId: string, owner: string, patch: IngestJobPatch, release: boolean): Promise<IngestJob | null>;
  /** Jobs in a working phase whose lease lapsed: left by a process that died. */
  stale(limit: number): Promise<IngestJob[]>;
  listForDataset(datasetId: string, limit: number): Promise<IngestJob[]>;
}
