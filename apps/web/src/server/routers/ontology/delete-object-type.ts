import { ZDeleteObjectTypeInput } from '@spice/domain';
import { actorProcedure } from '../../trpc/procedures';
import { ZClientCommandId, ZCommandOutcome } from './command.schema';
import { ZOntologyId } from './object-type.schema';

const ZInput = ZDeleteObjectTypeInput.extend({ ontologyId: ZOntologyId, commandId: ZClientCommandId });

export const deleteObjectType = actorProcedure
  .input(ZInput)
  .output(ZCommandOutcome)
  .mutation(({ ctx, input: { ontologyId, commandId, ...target } }) => ctx.system.ontology.deleteObjectType(ontologyId, target, { id: ctx.actor.id }, commandId));
