import { z } from 'zod';
import { ZDefineObjectTypeInput } from '@spice/domain';
import { actorProcedure } from '../../trpc/procedures';
import { ZOntologyId } from './object-type.schema';

/** Flat input so field issues keep the domain's paths (`apiName`, `properties.1.dataType`). */
const ZInput = ZDefineObjectTypeInput.extend({ ontologyId: ZOntologyId });

export const defineObjectType = actorProcedure
  .input(ZInput)
  .output(z.object({ commandId: z.string(), status: z.enum(['pending', 'applied', 'failed']), sequenceNumber: z.number().int().nullable() }))
  .mutation(({ ctx, input: { ontologyId, ...objectType } }) =>
    ctx.system.ontology.defineObjectType(ontologyId, objectType, { id: ctx.actor.id }),
  );
