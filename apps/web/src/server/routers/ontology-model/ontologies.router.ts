import { z } from 'zod';
import { ZCreateOntologyInput } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZCommandOutcome } from '../ontology/command.schema';
import { ZCommandFields } from './ontology-model.schema';

export const ontologiesRouter = createTRPCRouter({
  list: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies', tags: ['ontology'] } })
    .input(z.object({}).optional())
    .output(
      z.array(
        z.object({
          ontologyId: z.string(),
          displayName: z.string(),
          description: z.string(),
          objectTypes: z.number(),
          linkTypes: z.number(),
          openBranches: z.number(),
          seq: z.number(),
        }),
      ),
    )
    .query(({ ctx }) => ctx.system.ontology.listOntologies()),

  create: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ontologies', tags: ['ontology'] } })
    .input(ZCreateOntologyInput.extend(ZCommandFields))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { commandId, ...data } }) => ctx.system.ontology.createOntology(data, ctx.actor, commandId)),
});
