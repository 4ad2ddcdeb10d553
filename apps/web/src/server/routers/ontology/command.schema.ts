import { z } from 'zod';

/** What a command mutation answers at once (the service applies synchronously today, so usually `applied`). */
export const ZCommandOutcome = z.object({
  commandId: z.string(),
  status: z.enum(['pending', 'applied', 'failed']),
  sequenceNumber: z.number().int().nullable(),
});

/** A command's status; `phase` adds `visible`: applied and caught up by the object-type read model. */
export const ZCommandStatus = z.object({
  commandId: z.string(),
  commandType: z.string(),
  ontologyId: z.string(),
  status: z.enum(['pending', 'applied', 'failed']),
  phase: z.enum(['pending', 'applied', 'visible', 'failed']),
  sequenceNumber: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CommandStatus = z.infer<typeof ZCommandStatus>;

export const ZCommandId = z.object({ commandId: z.string().min(1).max(100) }).strict();

/** Optional on every command: a client that retries with the same id gets the first outcome, not a second append. */
export const ZClientCommandId = z.uuid('must be a UUID').optional();
