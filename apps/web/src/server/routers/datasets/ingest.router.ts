import { z } from 'zod';
import { queryNumber } from '../query-number';
import { ZCommitIngestInput, ZReadOptionsInput } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { watchChanges } from '../../trpc/watch-changes';
import { ZIngestJob } from './datasets.schema';

const tags = ['datasets'];
const ZJobId = z.object({ jobId: z.string().min(1) });

/** Ingest jobs: the schema review after an upload, and what became of each upload. */
export const ingestRouter = createTRPCRouter({
  job: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ingests/{jobId}', tags } })
    .input(ZJobId)
    .output(ZIngestJob)
    .query(({ ctx, input }) => ctx.system.ingest.job(input.jobId)),

  jobs: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{datasetId}/ingests', tags } })
    .input(z.object({ datasetId: z.string().min(1), limit: queryNumber(z.number().int().min(1).max(200)).default(50) }))
    .output(z.array(ZIngestJob))
    .query(({ ctx, input }) => ctx.system.ingest.jobs(input.datasetId, input.limit)),

  reread: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ingests/{jobId}/reread', tags, description: 'Reads the uploaded file again with other options.' } })
    .input(ZJobId.extend({ options: ZReadOptionsInput }))
    .output(ZIngestJob)
    .mutation(({ ctx, input }) => ctx.system.ingest.reread(input.jobId, input.options)),

  commit: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ingests/{jobId}/commit', tags, description: 'Commits the reviewed schema as a new version.' } })
    .input(ZCommitIngestInput)
    .output(ZIngestJob)
    .mutation(({ ctx, input }) => ctx.system.ingest.commit(input, ctx.actor)),

  /** The job's phase, live: the upload page follows reading and committing without polling. */
  watch: actorProcedure.input(ZJobId).subscription(({ ctx, input, signal }) =>
    watchChanges(async () => (await ctx.system.ingest.job(input.jobId)).updatedAt, signal),
  ),
});
