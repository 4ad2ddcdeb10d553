import { z } from 'zod';
import { ZReadOptionsInput } from '@spice/domain';

const ZHeader = z.union([z.object({ name: z.string(), value: z.string() }), z.object({ name: z.string(), secret: z.string() })]);

/** A connector's source as stored: sheets by spreadsheet id (a link given at create is resolved to it). */
export const ZConnectorSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http'), url: z.string(), headers: z.array(ZHeader).readonly() }),
  z.object({ kind: z.literal('google-sheets-csv'), spreadsheetId: z.string(), gid: z.string() }),
  z.object({ kind: z.literal('google-sheets-api'), spreadsheetId: z.string(), range: z.string() }),
]);

export const ZConnectorRun = z.object({
  runId: z.string(),
  connectorId: z.string(),
  revision: z.number(),
  trigger: z.enum(['schedule', 'manual']),
  scheduledFor: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Null while the run is going. */
  outcome: z.enum(['unchanged', 'committed', 'failed']).nullable(),
  unchangedBy: z.enum(['not-modified', 'content-hash', 'existing-version']).nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  contentHash: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  versionId: z.string().nullable(),
  ingestJobId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const ZConnectorView = z.object({
  connectorId: z.string(),
  name: z.string(),
  description: z.string(),
  datasetId: z.string(),
  branch: z.string(),
  source: ZConnectorSource,
  sourceLabel: z.string(),
  options: ZReadOptionsInput,
  schedule: z.string().nullable(),
  timezone: z.string(),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  nextRunAt: z.string().nullable(),
  lastRun: ZConnectorRun.nullable(),
  seq: z.number(),
});
