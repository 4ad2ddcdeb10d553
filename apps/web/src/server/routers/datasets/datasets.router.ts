import { z } from 'zod';
import { queryNumber } from '../query-number';
import { ZCreateDatasetInput } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZClientCommandId, ZCommandOutcome } from '../ontology/command.schema';
import { ZDatasetRef, ZDatasetSummary, ZDatasetVersion, ZDatasetView, ZPage, ZProfile, ZVersionDiff } from './datasets.schema';
import { connectorsRouter } from './connectors.router';
import { ingestRouter } from './ingest.router';
import { watchDataset } from './watch-dataset';

const tags = ['datasets'];
const readerOf = (actor: { id: string }) => ({ userId: actor.id, roles: [] });

/** Datasets: versions, branches, previews and diffs; uploads go to POST /api/v1/datasets/{datasetId}/uploads. */
export const datasetsRouter = createTRPCRouter({
  list: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets', tags } })
    .input(z.object({}).optional())
    .output(z.array(ZDatasetSummary))
    .query(({ ctx }) => ctx.system.datasets.listDatasets()),

  create: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/datasets', tags } })
    .input(ZCreateDatasetInput.extend({ commandId: ZClientCommandId }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { commandId, ...data } }) => ctx.system.datasets.createDataset(data, ctx.actor, commandId)),

  get: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{datasetId}', tags } })
    .input(z.object({ datasetId: z.string().min(1) }))
    .output(ZDatasetView)
    .query(({ ctx, input }) => ctx.system.datasets.dataset(input.datasetId)),

  version: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{datasetId}/versions/{ref}', tags, description: 'A version by id, or a branch head by branch name.' } })
    .input(ZDatasetRef)
    .output(ZDatasetVersion)
    .query(({ ctx, input }) => ctx.system.datasets.version(input.datasetId, input.ref)),

  createBranch: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/datasets/{datasetId}/branches', tags } })
    .input(z.object({ datasetId: z.string().min(1), branch: z.string().min(1), from: z.string().min(1).default('main'), commandId: ZClientCommandId }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { datasetId, commandId, ...data } }) => ctx.system.datasets.createBranch(datasetId, data, ctx.actor, commandId)),

  deleteBranch: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/datasets/{datasetId}/branches/{branch}/delete', tags } })
    .input(z.object({ datasetId: z.string().min(1), branch: z.string().min(1), commandId: ZClientCommandId }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) => ctx.system.datasets.deleteBranch(input.datasetId, input.branch, ctx.actor, input.commandId)),

  revert: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/datasets/{datasetId}/revert', tags, description: "Commits an earlier version's content on top of a branch." } })
    .input(
      z.object({
        datasetId: z.string().min(1),
        branch: z.string().min(1).default('main'),
        toVersionId: z.string().min(1),
        message: z.string().max(2000).optional(),
        expectedHead: z.string().nullable().optional(),
        commandId: ZClientCommandId,
      }),
    )
    .output(ZCommandOutcome.extend({ versionId: z.string() }))
    .mutation(({ ctx, input: { datasetId, commandId, ...data } }) => ctx.system.datasets.revert(datasetId, data, ctx.actor, commandId)),

  preview: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{datasetId}/rows', tags, description: 'A page of rows of a version (or branch head).' } })
    .input(
      ZDatasetRef.extend({
        offset: queryNumber(z.number().int().nonnegative()).default(0),
        limit: queryNumber(z.number().int().min(1).max(5_000)).default(200),
        sortColumn: z.string().optional(),
        sortDirection: z.enum(['asc', 'desc']).default('asc'),
      }),
    )
    .output(ZPage)
    .query(({ ctx, input: { sortColumn, sortDirection, ...input } }) =>
      ctx.system.datasetReads.preview(readerOf(ctx.actor), { ...input, ...(sortColumn ? { sort: { column: sortColumn, direction: sortDirection } } : {}) }),
    ),

  profile: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{datasetId}/profile', tags, description: "A version's column statistics, as the reader may see them." } })
    .input(ZDatasetRef)
    .output(ZProfile)
    .query(({ ctx, input }) => ctx.system.datasetReads.profile(readerOf(ctx.actor), input)),

  diff: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{datasetId}/diff', tags, description: 'Schema and row changes between two versions (or branches).' } })
    .input(
      z.object({
        datasetId: z.string().min(1),
        before: z.string().min(1),
        after: z.string().min(1),
        /** Comma-separated key columns; rows are compared whole without one. */
        key: z.string().optional(),
      }),
    )
    .output(ZVersionDiff)
    .query(({ ctx, input }) =>
      ctx.system.datasetReads.diff(readerOf(ctx.actor), {
        datasetId: input.datasetId,
        before: input.before,
        after: input.after,
        ...(input.key ? { key: input.key.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
      }),
    ),

  watch: watchDataset,
  ingest: ingestRouter,
  connectors: connectorsRouter,
});
