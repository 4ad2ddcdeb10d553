import type { OntologyEvent } from './ontology.events';

export interface OntologyState {
  readonly exists: boolean;
  readonly ontologyId: string | null;
  /** Lower-cased apiName -> object type id: apiNames are unique per ontology regardless of case. */
  readonly objectTypesByApiName: ReadonlyMap<string, string>;
}

export const initialOntologyState: OntologyState = { exists: false, ontologyId: null, objectTypesByApiName: new Map() };

export function evolveOntology(state: OntologyState, event: OntologyEvent): OntologyState {
  switch (event.type) {
    case 'OntologyCreated':
      return { ...state, exists: true, ontologyId: event.data.ontologyId };
    case 'ObjectTypeDefined': {
      const byName = new Map(state.objectTypesByApiName);
      byName.set(event.data.apiName.toLowerCase(), event.data.objectTypeId);
      return { ...state, objectTypesByApiName: byName };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
