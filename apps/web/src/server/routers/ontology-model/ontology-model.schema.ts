import { z } from 'zod';
import { ENTITY_KINDS, ZBranchName } from '@spice/domain';
import { ZClientCommandId } from '../ontology/command.schema';

export const ZEntityKind = z.enum(ENTITY_KINDS);
export const ZBranch = z.union([z.literal('main'), ZBranchName]).default('main');

/** Which ontology and branch a call is about; every model procedure takes it. */
export const ZOntologyRef = z.object({ ontologyId: z.string().min(1), branch: ZBranch });

export const ZCommandFields = { commandId: ZClientCommandId };

/** What a command that creates an entity answers: the outcome and the new entity's id. */
export const ZDefineOutcome = z.object({
  commandId: z.string(),
  status: z.enum(['pending', 'applied', 'failed']),
  sequenceNumber: z.number().int().nullable(),
  id: z.string(),
});
