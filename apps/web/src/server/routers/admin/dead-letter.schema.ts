import { z } from 'zod';
import { ZEventEnvelope } from '@spice/domain';

/** A dead letter as the registry holds it: which consumer gave up on which event, after how many attempts. */
export const ZDeadLetter = z.object({
  handler: z.string(),
  eventId: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  sequenceNumber: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});

/** A row of the dead-letter table: the registry row and the type of the stored event. */
export const ZDeadLetterRow = ZDeadLetter.extend({ eventType: z.string() });
export type DeadLetterRow = z.infer<typeof ZDeadLetterRow>;

export const ZDeadLetterDetail = z.object({ deadLetter: ZDeadLetter, event: ZEventEnvelope });
export type DeadLetterDetailView = z.infer<typeof ZDeadLetterDetail>;

export const ZHandler = z.string().trim().min(1, 'must not be empty').max(200);
export const ZEventId = z.string().trim().min(1, 'must not be empty').max(200);

export const ZRedriveResult = z.object({ redriven: z.array(ZDeadLetter) });
