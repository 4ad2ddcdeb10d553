import type { ReadRestriction } from '../datasets/dataset/dataset-engine.port';

/** Who is reading: every data read carries it, so policies (row filters, column masks) can be decided on it. */
export interface ReadIdentity {
  readonly userId: string;
  readonly roles: readonly string[];
}

export interface DatasetReadTarget {
  readonly datasetId: string;
  readonly versionId: string;
  readonly columns: readonly string[];
}

/**
 * THE policy enforcement point: every read of dataset rows (preview, profile, diff, export) asks it what the
 * reader may see. Access policies do not exist yet, so it allows everything — but every read path already
 * passes through here, so adding them changes this function and nothing else.
 */
export function enforceDatasetRead(_identity: ReadIdentity, _target: DatasetReadTarget): ReadRestriction {
  return { hiddenColumns: [], maskedColumns: [] };
}
