import { createTRPCRouter } from '../trpc/init';
import { ontologyRouter } from './ontology/ontology.router';
import { systemRouter } from './system/system.router';

export const appRouter = createTRPCRouter({ ontology: ontologyRouter, system: systemRouter });
export type AppRouter = typeof appRouter;
