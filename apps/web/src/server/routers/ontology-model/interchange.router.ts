import { z } from 'zod';
import { INTERCHANGE_FORMATS } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZCommandFields, ZOntologyRef } from './ontology-model.schema';

const ZFormat = z.enum(INTERCHANGE_FORMATS);
/** Big enough for an ontology of thousands of types; the HTTP body limit for imports is raised to match. */
const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

export const interchangeRouter = createTRPCRouter({
  export: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/ontologies/{ontologyId}/export', tags: ['ontology'], summary: 'Export as json, jsonld or turtle' } })
    .input(ZOntologyRef.extend({ format: ZFormat }))
    .output(z.object({ format: ZFormat, content: z.string() }))
    .query(async ({ ctx, input }) => ({ format: input.format, content: await ctx.system.ontology.exportOntology(input, input.format) })),

  import: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/ontologies/{ontologyId}/import', tags: ['ontology'], summary: 'Validate a whole document, then apply it all or nothing' } })
    .input(ZOntologyRef.extend({ format: ZFormat, content: z.string().max(MAX_IMPORT_CHARS), mode: z.enum(['replace', 'merge']).default('replace'), ...ZCommandFields }))
    .output(z.object({ commandId: z.string(), status: z.enum(['pending', 'applied', 'failed']), sequenceNumber: z.number().int().nullable(), changes: z.number().int() }))
    .mutation(({ ctx, input }) => ctx.system.ontology.importOntology(input, { format: input.format, content: input.content, mode: input.mode }, ctx.actor, input.commandId)),
});
