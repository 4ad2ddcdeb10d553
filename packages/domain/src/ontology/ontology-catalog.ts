import { catalogDecider } from '../shared/id-catalog';

/** The list of ontologies (see shared/id-catalog.ts). */
export const ONTOLOGY_CATALOG_AGGREGATE = 'ontology-catalog';
export const ONTOLOGY_CATALOG_ID = 'ontologies';
export const ontologyCatalog = catalogDecider(ONTOLOGY_CATALOG_AGGREGATE, 'OntologyRegistered', 'ontologyId');
