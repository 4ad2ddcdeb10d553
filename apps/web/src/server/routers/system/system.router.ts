import { createTRPCRouter } from '../../trpc/init';
import { getHealth } from './get-health';

export const systemRouter = createTRPCRouter({ getHealth });
