import { z } from 'zod';
import { ZBranchComparison, ZBranchHeaderView, ZBranchName } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZCommandOutcome } from '../ontology/command.schema';
import { ZCommandFields, ZOntologyRef } from './ontology-model.schema';

export const branchesRouter = createTRPCRouter({
  create: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ontologies/{ontologyId}/branches', tags: ['branches'] } })
    .input(z.object({ ontologyId: z.string().min(1), branch: ZBranchName, ...ZCommandFields }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) => ctx.system.ontology.createBranch(input.ontologyId, { branch: input.branch }, ctx.actor, input.commandId)),

  abandon: actorProcedure
    .input(z.object({ ontologyId: z.string().min(1), branch: ZBranchName }))
    .mutation(({ ctx, input }) => ctx.system.ontology.abandonBranch(input, ctx.actor)),

  get: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies/{ontologyId}/branches/{branch}', tags: ['branches'], summary: 'The ontology’s names and branches as seen from a branch, without its entities' } })
    .input(ZOntologyRef)
    .output(ZBranchHeaderView)
    .query(({ ctx, input }) => ctx.system.ontology.branchHeader(input)),

  compare: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies/{ontologyId}/branches/{branch}/compare', tags: ['branches'], summary: 'Diff a branch against main, with merge conflicts' } })
    .input(ZOntologyRef)
    .output(ZBranchComparison)
    .query(({ ctx, input }) => ctx.system.ontology.compareBranch(input)),
});
