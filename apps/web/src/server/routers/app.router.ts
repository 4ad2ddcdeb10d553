import { createTRPCRouter } from '../trpc/init';
import { adminRouter } from './admin/admin.router';
import { datasetsRouter } from './datasets/datasets.router';
import { ontologyRouter } from './ontology/ontology.router';
import { ontologyModelRouter } from './ontology-model/ontology-model.router';
import { systemRouter } from './system/system.router';

export const appRouter = createTRPCRouter({ ontology: ontologyRouter, model: ontologyModelRouter, system: systemRouter, admin: adminRouter, datasets: datasetsRouter });
export type AppRouter = typeof appRouter;
