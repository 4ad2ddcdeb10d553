import { z } from 'zod';
import { ZBranchName } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZCommandOutcome } from '../ontology/command.schema';
import { ZCommandFields } from './ontology-model.schema';
import { watchProposals } from './watch-proposals';

const ZProposalRef = z.object({ ontologyId: z.string().min(1), branch: ZBranchName });

export const proposalsRouter = createTRPCRouter({
  list: actorProcedure
    .input(z.object({ ontologyId: z.string().min(1) }))
    .query(({ ctx, input }) => ctx.system.ontology.listProposals(input.ontologyId)),

  watch: watchProposals,

  get: actorProcedure.input(ZProposalRef).query(({ ctx, input }) => ctx.system.ontology.proposal(input)),

  open: actorProcedure
    .input(ZProposalRef.extend({ title: z.string(), description: z.string().optional(), ...ZCommandFields }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { ontologyId, branch, commandId, ...data } }) => ctx.system.ontology.openProposal({ ontologyId, branch }, data, ctx.actor, commandId)),

  comment: actorProcedure
    .input(ZProposalRef.extend({ body: z.string(), about: z.string().nullable().optional(), ...ZCommandFields }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { ontologyId, branch, commandId, ...data } }) => ctx.system.ontology.commentOnProposal({ ontologyId, branch }, data, ctx.actor, commandId)),

  approve: actorProcedure
    .input(ZProposalRef.extend(ZCommandFields))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { ontologyId, branch, commandId } }) => ctx.system.ontology.approveProposal({ ontologyId, branch }, ctx.actor, commandId)),

  merge: actorProcedure
    .input(ZProposalRef.extend({ resolutions: z.array(z.unknown()).optional(), ...ZCommandFields }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { ontologyId, branch, commandId, resolutions } }) => ctx.system.ontology.mergeProposal({ ontologyId, branch }, { resolutions }, ctx.actor, commandId)),

  close: actorProcedure
    .input(ZProposalRef.extend({ reason: z.string().max(2000).default('') }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { ontologyId, branch, reason } }) => ctx.system.ontology.closeProposal({ ontologyId, branch }, { reason }, ctx.actor)),
});
