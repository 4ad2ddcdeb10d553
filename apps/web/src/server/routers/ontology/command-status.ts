import { actorProcedure } from '../../trpc/procedures';
import { ZCommandId, ZCommandStatus } from './command.schema';

export const commandStatus = actorProcedure
  .input(ZCommandId)
  .output(ZCommandStatus)
  .query(({ ctx, input }) => ctx.system.ontology.commandStatus(input.commandId));
