import { createTRPCRouter } from '../../trpc/init';
import { branchesRouter } from './branches.router';
import { entitiesRouter } from './entities.router';
import { interchangeRouter } from './interchange.router';
import { ontologiesRouter } from './ontologies.router';
import { proposalsRouter } from './proposals.router';
import { watchModel } from './watch-model';

/** The ontology workbench's model API: entities of a branch, branches, proposals, import and export. */
export const ontologyModelRouter = createTRPCRouter({
  ontologies: ontologiesRouter,
  watch: watchModel,
  entities: entitiesRouter,
  branches: branchesRouter,
  proposals: proposalsRouter,
  interchange: interchangeRouter,
});
