import { z } from 'zod';
import { queryNumber } from '../query-number';
import { ZCreateConnectorInput, ZUpdateConnectorInput } from '@spice/domain';
import { createTRPCRouter } from '../../trpc/init';
import { actorProcedure } from '../../trpc/procedures';
import { ZClientCommandId, ZCommandOutcome } from '../ontology/command.schema';
import { ZConnectorRun, ZConnectorView } from './connectors.schema';

const tags = ['connectors'];
const ZConnectorId = z.object({ connectorId: z.string().min(1) });
const ZGuardedCommand = ZConnectorId.extend({ commandId: ZClientCommandId });

/**
 * Connectors: an HTTP(S) file or a Google Sheet fetched into a dataset on a cron schedule or on demand; a new
 * version only when the data changed. Secrets in headers are names of configured secrets (CONNECTOR_SECRETS).
 */
export const connectorsRouter = createTRPCRouter({
  list: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/connectors', tags, description: 'Every connector, or those filling one dataset.' } })
    .input(z.object({ datasetId: z.string().min(1).optional() }).optional())
    .output(z.array(ZConnectorView))
    .query(({ ctx, input }) => ctx.system.connectors.list(input ?? {})),

  get: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/connectors/{connectorId}', tags } })
    .input(ZConnectorId)
    .output(ZConnectorView)
    .query(({ ctx, input }) => ctx.system.connectors.get(input.connectorId)),

  create: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/connectors', tags, description: 'A sheet may be given by its link; it is stored as spreadsheet id and gid.' } })
    .input(ZCreateConnectorInput.extend({ commandId: ZClientCommandId }))
    .output(ZCommandOutcome.extend({ connectorId: z.string() }))
    .mutation(({ ctx, input: { commandId, ...data } }) => ctx.system.connectors.create(data, ctx.actor, commandId)),

  update: actorProcedure
    .meta({ openapi: { method: 'PATCH', path: '/connectors/{connectorId}', tags, description: 'Changes the fields given; expectedSeq refuses an edit of a stale copy (409).' } })
    .input(ZUpdateConnectorInput.extend({ connectorId: z.string().min(1), commandId: ZClientCommandId }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { connectorId, commandId, ...changes } }) => ctx.system.connectors.update(connectorId, changes, ctx.actor, commandId)),

  pause: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/connectors/{connectorId}/pause', tags } })
    .input(ZGuardedCommand)
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) => ctx.system.connectors.pause(input.connectorId, ctx.actor, input.commandId)),

  resume: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/connectors/{connectorId}/resume', tags, description: 'Slots missed while paused are not run; the schedule counts from now.' } })
    .input(ZGuardedCommand)
    .output(ZCommandOutcome)
    .mutation(({ ctx, input }) => ctx.system.connectors.resume(input.connectorId, ctx.actor, input.commandId)),

  delete: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/connectors/{connectorId}/delete', tags } })
    .input(ZGuardedCommand.extend({ expectedSeq: z.number().int().nonnegative().optional() }))
    .output(ZCommandOutcome)
    .mutation(({ ctx, input: { connectorId, commandId, ...guard } }) => ctx.system.connectors.delete(connectorId, ctx.actor, guard, commandId)),

  runNow: actorProcedure
    .meta({ openapi: { method: 'POST', path: '/connectors/{connectorId}/run', tags, description: 'Fetches now and answers the finished run; 409 while another run holds the connector.' } })
    .input(ZConnectorId)
    .output(ZConnectorRun)
    .mutation(({ ctx, input }) => ctx.system.connectors.runNow(input.connectorId, ctx.actor)),

  runs: actorProcedure
    .meta({ openapi: { method: 'GET', path: '/connectors/{connectorId}/runs', tags, description: 'Run history, newest first.' } })
    .input(ZConnectorId.extend({ limit: queryNumber(z.number().int().min(1).max(500)).default(50) }))
    .output(z.array(ZConnectorRun))
    .query(({ ctx, input }) => ctx.system.connectors.runs(input.connectorId, input.limit)),
});
