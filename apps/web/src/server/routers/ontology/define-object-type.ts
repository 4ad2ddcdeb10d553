import { ZDefineObjectTypeInput } from '@spice/domain';
import { actorProcedure } from '../../trpc/procedures';
import { ZClientCommandId, ZCommandOutcome } from './command.schema';
import { ZOntologyId } from './object-type.schema';

/** Flat input so field issues keep the domain's paths (`apiName`, `properties.1.dataType`). */
const ZInput = ZDefineObjectTypeInput.extend({ ontologyId: ZOntologyId, commandId: ZClientCommandId });

export const defineObjectType = actorProcedure
  .input(ZInput)
  .output(ZCommandOutcome)
  .mutation(({ ctx, input: { ontologyId, commandId, ...objectType } }) =>
    ctx.system.ontology.defineObjectType(ontologyId, objectType, { id: ctx.actor.id }, commandId),
  );
