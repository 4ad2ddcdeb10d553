import { z } from 'zod';
import { ZBranchName } from '@spice/domain';
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

  compare: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies/{ontologyId}/branches/{branch}/compare', tags: ['branches'], summary: 'Diff a branch against main, with merge conflicts' } })
    .input(ZOntologyRef)
    .output(z.unknown())
    .query(({ ctx, input }) => ctx.system.ontology.compareBranch(input)),
});
