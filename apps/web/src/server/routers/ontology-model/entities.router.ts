import { z } from 'zod';
import { ZObjectTypePageView, ZOntologyView } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZCommandOutcome } from '../ontology/command.schema';
import { ZCommandFields, ZDefineOutcome, ZEntityKind, ZOntologyRef } from './ontology-model.schema';

const ref = (i: { ontologyId: string; branch: string }) => ({ ontologyId: i.ontologyId, branch: i.branch });

/** The model of one branch and edits of its entities: object types, link types, interfaces, shared and value types. */
export const entitiesRouter = createTRPCRouter({
  model: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies/{ontologyId}/model', tags: ['ontology'], summary: 'The whole model of a branch' } })
    .input(ZOntologyRef)
    .output(ZOntologyView)
    .query(({ ctx, input }) => ctx.system.ontology.model(ref(input))),

  objectType: actorProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/ontologies/{ontologyId}/object-types/{id}',
        tags: ['ontology'],
        summary: 'One object type with what its page shows: link types, interfaces, shared and value types, references, issues',
      },
    })
    .input(ZOntologyRef.extend({ id: z.string().min(1) }))
    .output(ZObjectTypePageView)
    .query(({ ctx, input }) => ctx.system.ontology.objectTypePage(ref(input), input.id)),

  history: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies/{ontologyId}/entities/{kind}/{id}/history', tags: ['ontology'] } })
    .input(ZOntologyRef.extend({ kind: ZEntityKind, id: z.string().min(1) }))
    .output(z.unknown())
    .query(({ ctx, input }) => ctx.system.ontology.history(ref(input), input.kind, input.id)),

  define: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ontologies/{ontologyId}/entities/{kind}', tags: ['ontology'], summary: 'Define an entity' } })
    .input(ZOntologyRef.extend({ kind: ZEntityKind, definition: z.record(z.string(), z.unknown()), ...ZCommandFields }))
    .output(ZDefineOutcome)
    .mutation(({ ctx, input }) => ctx.system.ontology.defineEntity(ref(input), input.kind, input.definition, ctx.actor, input.commandId)),

  update: actorProcedure
    .meta({ openapi: { method: 'PATCH', path: '/ontologies/{ontologyId}/entities/{kind}/{id}', tags: ['ontology'], summary: 'Change fields of an entity (optimistic concurrency: expectedSeq)' } })
    .input(
      ZOntologyRef.extend({
        kind: ZEntityKind,
        id: z.string().min(1),
        expectedSeq: z.number(),
        patch: z.record(z.string(), z.unknown()),
        acknowledgeBreakingChanges: z.boolean().default(false),
        ...ZCommandFields,
      }),
    )
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) =>
      ctx.system.ontology.updateEntity(ref(input), input.kind, { id: input.id, expectedSeq: input.expectedSeq, patch: input.patch, acknowledgeBreakingChanges: input.acknowledgeBreakingChanges }, ctx.actor, input.commandId),
    ),

  delete: actorProcedure
    // POST with a body, not DELETE with a query: the version seen (expectedSeq) is a number, and query strings carry text.
    .meta({ openapi: { method: 'POST', path: '/ontologies/{ontologyId}/entities/{kind}/{id}/delete', tags: ['ontology'] } })
    .input(ZOntologyRef.extend({ kind: ZEntityKind, id: z.string().min(1), expectedSeq: z.number(), ...ZCommandFields }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) => ctx.system.ontology.deleteEntity(ref(input), input.kind, { id: input.id, expectedSeq: input.expectedSeq }, ctx.actor, input.commandId)),

  revert: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ontologies/{ontologyId}/entities/{kind}/{id}/revert', tags: ['ontology'] } })
    .input(
      ZOntologyRef.extend({ kind: ZEntityKind, id: z.string().min(1), expectedSeq: z.number(), toVersion: z.number(), acknowledgeBreakingChanges: z.boolean().default(false), ...ZCommandFields }),
    )
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) =>
      ctx.system.ontology.revertEntity(ref(input), input.kind, { id: input.id, expectedSeq: input.expectedSeq, toVersion: input.toVersion, acknowledgeBreakingChanges: input.acknowledgeBreakingChanges }, ctx.actor, input.commandId),
    ),
});
