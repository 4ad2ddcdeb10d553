import { z } from 'zod';
import { enforceDatasetRead, type ReadIdentity } from '../access/read-policy';
import type { DatasetEngine, Page, RowDiff } from '../datasets/dataset/dataset-engine.port';
import type { ColumnStats, DatasetColumn } from '../datasets/dataset/dataset-schema';
import type { DatasetVersion } from '../datasets/dataset/dataset.state';
import type { LocalFileCache } from '../datasets/ingest/scratch.port';
import { invalid } from '../shared/errors';
import { parseOrThrow } from '../shared/zod-issues';
import type { DatasetService } from './dataset-service';

export const ZPreviewInput = z
  .object({
    datasetId: z.string().min(1),
    /** A branch name or a version id: every read names one. */
    ref: z.string().min(1),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(5_000).default(200),
    sort: z.object({ column: z.string(), direction: z.enum(['asc', 'desc']) }).strict().optional(),
  })
  .strict();

export interface SchemaChange {
  readonly column: string;
  readonly change: 'added' | 'removed' | 'type-changed';
  readonly before: DatasetColumn | null;
  readonly after: DatasetColumn | null;
}

export interface VersionDiff {
  readonly before: Pick<DatasetVersion, 'versionId' | 'rowCount' | 'committedAt' | 'author' | 'message'>;
  readonly after: Pick<DatasetVersion, 'versionId' | 'rowCount' | 'committedAt' | 'author' | 'message'>;
  readonly schema: readonly SchemaChange[];
  readonly rows: RowDiff;
}

const summary = (v: DatasetVersion) => ({ versionId: v.versionId, rowCount: v.rowCount, committedAt: v.committedAt, author: v.author, message: v.message });

/**
 * Every read of a dataset's rows: preview pages, diffs. Each names a version (or a branch, resolved to its head)
 * and passes through the one policy enforcement function before the engine sees it.
 */
export class DatasetReadService {
  constructor(private readonly deps: { readonly datasets: DatasetService; readonly engine: DatasetEngine; readonly files: LocalFileCache }) {}

  async preview(identity: ReadIdentity, input: unknown): Promise<Page & { readonly versionId: string; readonly schema: readonly DatasetColumn[] }> {
    const { datasetId, ref, offset, limit, sort } = parseOrThrow(ZPreviewInput, input, 'DATASET.INVALID_INPUT');
    const version = await this.deps.datasets.version(datasetId, ref);
    const restriction = enforceDatasetRead(identity, { datasetId, versionId: version.versionId, columns: version.schema.map((c) => c.name) });
    if (sort && (!version.schema.some((c) => c.name === sort.column) || restriction.hiddenColumns.includes(sort.column)))
      throw invalid('DATASET.INVALID_INPUT', `There is no column "${sort.column}" to sort by`, [{ path: 'sort.column', message: `no column "${sort.column}"` }]);
    const page = await this.deps.files.withLocalFile(version.objects.data, (file) =>
      this.deps.engine.page(file, { offset, limit, restriction, ...(sort ? { sort } : {}) }),
    );
    const visible = new Set(page.columns);
    return { ...page, versionId: version.versionId, schema: version.schema.filter((c) => visible.has(c.name)) };
  }

  /**
   * A version's column statistics, as the reader may see them: min/max and top values are data, so hidden
   * columns are left out and masked ones keep only their counts.
   */
  async profile(
    identity: ReadIdentity,
    input: { datasetId: string; ref: string },
  ): Promise<{ readonly versionId: string; readonly rowCount: number; readonly schema: readonly DatasetColumn[]; readonly stats: readonly ColumnStats[] }> {
    const version = await this.deps.datasets.version(input.datasetId, input.ref);
    const restriction = enforceDatasetRead(identity, { datasetId: input.datasetId, versionId: version.versionId, columns: version.schema.map((c) => c.name) });
    const hidden = new Set(restriction.hiddenColumns);
    const masks = new Map(restriction.maskedColumns.map((m) => [m.column, m.mask]));
    const stats = version.stats
      .filter((s) => !hidden.has(s.name))
      .map((s) => (masks.has(s.name) ? { ...s, min: masks.get(s.name)!, max: masks.get(s.name)!, histogram: [], topValues: [] } : s));
    return { versionId: version.versionId, rowCount: version.rowCount, schema: version.schema.filter((c) => !hidden.has(c.name)), stats };
  }

  /**
   * Compares two versions: schema changes, and rows added / removed / changed by `key` (or the version's
   * declared key), or as whole rows when no key is known.
   */
  async diff(identity: ReadIdentity, input: { datasetId: string; before: string; after: string; key?: readonly string[] }): Promise<VersionDiff> {
    const before = await this.deps.datasets.version(input.datasetId, input.before);
    const after = await this.deps.datasets.version(input.datasetId, input.after);
    const restriction = enforceDatasetRead(identity, { datasetId: input.datasetId, versionId: after.versionId, columns: after.schema.map((c) => c.name) });
    const key = input.key?.length ? input.key : null;
    for (const column of key ?? [])
      if (!before.schema.some((c) => c.name === column) || !after.schema.some((c) => c.name === column))
        throw invalid('DATASET.INVALID_INPUT', `Key column "${column}" is not in both versions`, [{ path: 'key', message: `"${column}" is not in both versions` }]);
    const rows = await this.deps.files.withLocalFile(before.objects.data, (beforeFile) =>
      this.deps.files.withLocalFile(after.objects.data, (afterFile) => this.deps.engine.diff(beforeFile, afterFile, { key, sampleSize: 20, restriction })),
    );
    return { before: summary(before), after: summary(after), schema: schemaChanges(before.schema, after.schema), rows };
  }
}

export function schemaChanges(before: readonly DatasetColumn[], after: readonly DatasetColumn[]): SchemaChange[] {
  const beforeByName = new Map(before.map((c) => [c.name, c]));
  const afterByName = new Map(after.map((c) => [c.name, c]));
  const changes: SchemaChange[] = [];
  for (const c of before) if (!afterByName.has(c.name)) changes.push({ column: c.name, change: 'removed', before: c, after: null });
  for (const c of after) {
    const old = beforeByName.get(c.name);
    if (!old) changes.push({ column: c.name, change: 'added', before: null, after: c });
    else if (JSON.stringify(old.dataType) !== JSON.stringify(c.dataType)) changes.push({ column: c.name, change: 'type-changed', before: old, after: c });
  }
  return changes;
}
