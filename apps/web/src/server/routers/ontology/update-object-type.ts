import { ZUpdateObjectTypeInput } from '@spice/domain';
import { actorProcedure } from '../../trpc/procedures';
import { ZClientCommandId, ZCommandOutcome } from './command.schema';
import { ZOntologyId } from './object-type.schema';

/** Flat input like define's, so field issues keep the domain's paths; `expectedSeq` is required (OCC). */
const ZInput = ZUpdateObjectTypeInput.extend({ ontologyId: ZOntologyId, commandId: ZClientCommandId });

export const updateObjectType = actorProcedure
  .input(ZInput)
  .output(ZCommandOutcome)
  .mutation(({ ctx, input: { ontologyId, commandId, ...update } }) => ctx.system.ontology.updateObjectType(ontologyId, update, { id: ctx.actor.id }, commandId));
