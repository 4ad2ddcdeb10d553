import { ZUpdateObjectTypeFields } from '@spice/domain';
import { actorProcedure } from '../../trpc/procedures';
import { ZClientCommandId, ZCommandOutcome } from './command.schema';
import { ZOntologyId } from './object-type.schema';

/** Flat input like define's, so field issues keep the domain's paths; `expectedSeq` is required (OCC). */
const ZInput = ZUpdateObjectTypeFields.extend({ ontologyId: ZOntologyId, commandId: ZClientCommandId });

export const updateObjectType = actorProcedure
  .input(ZInput)
  .output(ZCommandOutcome)
  .mutation(({ ctx, input }) => {
    // The fields' schema is built from the definition's at run time, so its static type is loose; it was parsed above.
    const { ontologyId, commandId, ...update } = input as { ontologyId: string; commandId?: string };
    return ctx.system.ontology.updateObjectType(ontologyId, update, { id: ctx.actor.id }, commandId);
  });
