import { z } from 'zod';
import { ZColumnStats, ZDatasetSchema } from './dataset-schema';
import type { VersionCommittedData } from './dataset.events';

export const ZCreateDatasetInput = z
  .object({
    datasetId: z.string(),
    name: z.string().trim().min(1, 'a dataset needs a name').max(200, 'must be at most 200 characters'),
    description: z.string().max(4000, 'must be at most 4000 characters').default(''),
  })
  .strict();
export type CreateDatasetInput = z.input<typeof ZCreateDatasetInput>;

/** What a commit carries besides what the service works out (ids, parent): validated where it enters. */
export const ZVersionContent = z
  .object({
    schema: ZDatasetSchema,
    rowCount: z.number().int().nonnegative(),
    stats: z.array(ZColumnStats),
  })
  .strict();

/**
 * `expectedHead`: the head the committer saw (null: the branch had no version yet). Given, a commit onto a
 * branch that moved since is refused; left out, the commit goes on top of whatever the head is.
 */
export type CommitVersionData = Omit<VersionCommittedData, 'parentId' | 'revertOf'> & { readonly expectedHead?: string | null };

export type DatasetCommand =
  | { readonly type: 'CreateDataset'; readonly data: z.infer<typeof ZCreateDatasetInput> }
  | { readonly type: 'CommitVersion'; readonly data: CommitVersionData }
  | { readonly type: 'CreateBranch'; readonly data: { readonly branch: string; readonly from: string } }
  | { readonly type: 'DeleteBranch'; readonly data: { readonly branch: string } }
  | {
      readonly type: 'RevertTo';
      readonly data: { readonly branch: string; readonly toVersionId: string; readonly versionId: string; readonly message: string; readonly expectedHead?: string | null };
    };
