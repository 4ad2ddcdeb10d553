import type { PropertyDefinition } from './ontology.commands';

export interface OntologyCreated {
  readonly type: 'OntologyCreated';
  readonly data: { readonly ontologyId: string; readonly displayName: string; readonly description: string };
}

export interface ObjectTypeDefined {
  readonly type: 'ObjectTypeDefined';
  readonly data: {
    readonly objectTypeId: string;
    readonly apiName: string;
    readonly displayName: string;
    readonly description: string;
    readonly status: 'experimental';
    readonly properties: readonly PropertyDefinition[];
    readonly primaryKey: string | null;
  };
}

export type OntologyEvent = OntologyCreated | ObjectTypeDefined;

export const ONTOLOGY_AGGREGATE = 'ontology';
export const ONTOLOGY_EVENT_SCHEMA_VERSION = 1;
