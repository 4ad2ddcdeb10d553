import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { ZOntologyId } from './object-type.schema';

/** Full-text search over the object-type search projection (Postgres or Elasticsearch). */
export const searchObjectTypes = actorProcedure
  .input(z.object({ ontologyId: ZOntologyId, text: z.string().trim().min(1).max(200) }))
  .output(z.array(z.object({ id: z.string(), apiName: z.string(), displayName: z.string() })))
  .query(({ ctx, input }) => ctx.system.ontology.searchObjectTypes(input.ontologyId, input.text));
