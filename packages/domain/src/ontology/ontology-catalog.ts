/**
 * The list of ontologies: one stream that every created ontology is registered in, so the workbench can list
 * them without scanning the store. Registering twice changes nothing.
 */
export const ONTOLOGY_CATALOG_AGGREGATE = 'ontology-catalog';
export const ONTOLOGY_CATALOG_ID = 'ontologies';

export interface CatalogState {
  readonly ontologyIds: readonly string[];
}

export type CatalogCommand = { readonly type: 'RegisterOntology'; readonly data: { readonly ontologyId: string } };
export type CatalogEvent = { readonly type: 'OntologyRegistered'; readonly data: { readonly ontologyId: string } };

export const initialCatalogState: CatalogState = { ontologyIds: [] };

export function decideCatalog(command: CatalogCommand, state: CatalogState): CatalogEvent[] {
  return state.ontologyIds.includes(command.data.ontologyId) ? [] : [{ type: 'OntologyRegistered', data: command.data }];
}

export function evolveCatalog(state: CatalogState, event: CatalogEvent): CatalogState {
  return state.ontologyIds.includes(event.data.ontologyId) ? state : { ontologyIds: [...state.ontologyIds, event.data.ontologyId] };
}
