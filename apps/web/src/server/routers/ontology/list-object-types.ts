import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { ZObjectTypeRow, ZOntologyId } from './object-type.schema';

export const listObjectTypes = actorProcedure
  .input(z.object({ ontologyId: ZOntologyId }))
  .output(z.array(ZObjectTypeRow))
  .query(({ ctx, input }) => ctx.system.ontology.listObjectTypes(input.ontologyId));
