import { z } from 'zod';
import { INGEST_PHASES, ZColumnStats, ZDatasetColumn, ZReadOptionsInput } from '@spice/domain';

export const ZDatasetRef = z.object({ datasetId: z.string().min(1), ref: z.string().min(1).default('main') });

const ZVersionSource = z.object({
  kind: z.enum(['upload', 'connector', 'revert']),
  jobId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  contentHash: z.string(),
  fileName: z.string().nullable(),
  sizeBytes: z.number(),
  format: z.string().nullable(),
  connectorId: z.string().nullable(),
});

/** A version's metadata. Its column statistics hold data values, so they are read through `datasets.profile` (the policy seam). */
export const ZDatasetVersion = z.object({
  versionId: z.string(),
  branch: z.string(),
  parentId: z.string().nullable(),
  message: z.string(),
  author: z.string(),
  committedAt: z.string(),
  schema: z.array(ZDatasetColumn).readonly(),
  rowCount: z.number(),
  objects: z.object({ data: z.string(), raw: z.string().nullable() }),
  source: ZVersionSource,
  skippedRows: z.number(),
  problemCount: z.number(),
  revertOf: z.string().nullable(),
  seq: z.number(),
});

export const ZDatasetBranch = z.object({
  name: z.string(),
  head: z.string().nullable(),
  createdFrom: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ZDatasetSummary = z.object({
  datasetId: z.string(),
  name: z.string(),
  description: z.string(),
  branches: z.number(),
  versions: z.number(),
  head: z.object({ versionId: z.string(), rowCount: z.number(), committedAt: z.string(), author: z.string(), columns: z.number() }).nullable(),
  seq: z.number(),
});

export const ZDatasetView = z.object({
  datasetId: z.string(),
  name: z.string(),
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  branches: z.array(ZDatasetBranch).readonly(),
  versions: z.array(ZDatasetVersion).readonly(),
  seq: z.number(),
});

const ZTableCandidate = z.object({
  sheet: z.string(),
  range: z.string(),
  headerRow: z.number(),
  columns: z.array(z.string()).readonly(),
  rowCount: z.number(),
  notes: z.array(z.string()).readonly(),
});

const ZDetectedLayout = z.object({
  format: z.enum(['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'parquet']),
  encoding: z.string().nullable(),
  hadByteOrderMark: z.boolean(),
  delimiter: z.string().nullable(),
  quote: z.string().nullable(),
  hasHeader: z.boolean(),
  sheets: z.array(z.string()).readonly(),
  tableCandidates: z.array(ZTableCandidate).readonly(),
});

const ZReadProblem = z.object({ rule: z.string(), line: z.number().optional(), column: z.union([z.string(), z.number()]).optional(), message: z.string() });

export const ZIngestJob = z.object({
  jobId: z.string(),
  datasetId: z.string(),
  branch: z.string(),
  idempotencyKey: z.string().nullable(),
  source: z.enum(['upload', 'connector']),
  connectorId: z.string().nullable(),
  fileName: z.string(),
  sizeBytes: z.number().nullable(),
  contentHash: z.string().nullable(),
  phase: z.enum(INGEST_PHASES),
  options: ZReadOptionsInput,
  /** The detected layout and read report (see TabularSourceReader in the domain). */
  layout: ZDetectedLayout.nullable(),
  readResult: z
    .object({
      layout: ZDetectedLayout,
      columns: z.array(z.string()).readonly(),
      rowCount: z.number(),
      skippedRows: z.number(),
      problems: z.array(ZReadProblem).readonly(),
      table: ZTableCandidate.optional(),
      sourceTypes: z.record(z.string(), z.string()).optional(),
    })
    .nullable(),
  proposedSchema: z.array(ZDatasetColumn).readonly().nullable(),
  /** Per column: the proposed type's confidence, reasons and alternatives (type inference's report). */
  inference: z.unknown(),
  commitRequest: z
    .object({ schema: z.array(ZDatasetColumn).readonly(), message: z.string(), badValues: z.enum(['fail', 'skip']), actor: z.string(), expectedHead: z.string().nullable().optional() })
    .nullable(),
  versionId: z.string(),
  autoCommit: z.boolean(),
  error: z.object({ code: z.string(), message: z.string(), problems: z.array(ZReadProblem).readonly() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZPage = z.object({
  versionId: z.string(),
  schema: z.array(ZDatasetColumn).readonly(),
  columns: z.array(z.string()).readonly(),
  rows: z.array(z.array(z.unknown()).readonly()).readonly(),
  totalRows: z.number(),
});

const ZRow = z.record(z.string(), z.unknown());
const ZVersionSummary = z.object({ versionId: z.string(), rowCount: z.number(), committedAt: z.string(), author: z.string(), message: z.string() });

export const ZVersionDiff = z.object({
  before: ZVersionSummary,
  after: ZVersionSummary,
  schema: z.array(z.object({ column: z.string(), change: z.enum(['added', 'removed', 'type-changed']), before: ZDatasetColumn.nullable(), after: ZDatasetColumn.nullable() })).readonly(),
  rows: z.object({
    comparedBy: z.union([z.array(z.string()).readonly(), z.literal('whole-row')]),
    added: z.number(),
    removed: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    samples: z.object({
      added: z.array(ZRow).readonly(),
      removed: z.array(ZRow).readonly(),
      changed: z.array(z.object({ key: ZRow, before: ZRow, after: ZRow })).readonly(),
    }),
  }),
});

export const ZProfile = z.object({
  versionId: z.string(),
  rowCount: z.number(),
  schema: z.array(ZDatasetColumn).readonly(),
  stats: z.array(ZColumnStats).readonly(),
});
