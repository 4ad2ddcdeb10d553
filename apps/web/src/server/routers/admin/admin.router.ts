import { createTRPCRouter } from '../../trpc/init';
import { getDeadLetter } from './get-dead-letter';
import { listDeadLetters } from './list-dead-letters';
import { redriveAllDeadLetters } from './redrive-all-dead-letters';
import { redriveDeadLetter } from './redrive-dead-letter';

export const adminRouter = createTRPCRouter({ listDeadLetters, getDeadLetter, redriveDeadLetter, redriveAllDeadLetters });
