import type { ColumnStats, DatasetColumn } from './dataset-schema';

/** The dataset aggregate's stream: one stream per dataset, holding its versions and branch pointers. */
export const DATASET_AGGREGATE = 'dataset';
export const DATASET_EVENT_SCHEMA_VERSION = 1;

/** Where a version came from: the exact input, so lineage and idempotency can name it. */
export interface VersionSource {
  readonly kind: 'upload' | 'connector' | 'revert';
  /** The ingest job that produced the version (none for a revert). */
  readonly jobId: string | null;
  readonly idempotencyKey: string | null;
  /** SHA-256 of the raw bytes (a revert: the reverted-to version's hash). */
  readonly contentHash: string;
  readonly fileName: string | null;
  readonly sizeBytes: number;
  readonly format: string | null;
  readonly connectorId: string | null;
}

/** The version's files in the object store; immutable, written before the version is committed. */
export interface VersionObjects {
  /** The typed, normalised Parquet file. */
  readonly data: string;
  /** The file as it was uploaded or fetched. */
  readonly raw: string | null;
}

export interface VersionCommittedData {
  readonly versionId: string;
  readonly branch: string;
  readonly parentId: string | null;
  readonly message: string;
  readonly schema: readonly DatasetColumn[];
  readonly rowCount: number;
  readonly stats: readonly ColumnStats[];
  readonly objects: VersionObjects;
  readonly source: VersionSource;
  /** Rows the reader left out under the skip policy, and how many problems its report lists. */
  readonly skippedRows: number;
  readonly problemCount: number;
  /** Set when this commit restores an earlier version's content. */
  readonly revertOf: string | null;
}

export type DatasetEvent =
  | { readonly type: 'DatasetCreated'; readonly data: { readonly datasetId: string; readonly name: string; readonly description: string } }
  | { readonly type: 'VersionCommitted'; readonly data: VersionCommittedData }
  | { readonly type: 'BranchCreated'; readonly data: { readonly branch: string; readonly fromVersionId: string | null } }
  | { readonly type: 'BranchDeleted'; readonly data: { readonly branch: string } };

export interface RecordedDatasetMetadata {
  readonly sequenceNumber: number;
  readonly actor: string;
  readonly occurredAt: string;
}

export type RecordedDatasetEvent = DatasetEvent & { readonly metadata: RecordedDatasetMetadata };
