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

/** Carries the type's whole editable definition after the change, so a fold never needs the one before. */
export interface ObjectTypeUpdated {
  readonly type: 'ObjectTypeUpdated';
  readonly data: {
    readonly objectTypeId: string;
    readonly apiName: string;
    readonly displayName: string;
    readonly description: string;
    readonly properties: readonly PropertyDefinition[];
    readonly primaryKey: string | null;
  };
}

export interface ObjectTypeDeleted {
  readonly type: 'ObjectTypeDeleted';
  readonly data: { readonly objectTypeId: string; readonly apiName: string };
}

export type OntologyEvent = OntologyCreated | ObjectTypeDefined | ObjectTypeUpdated | ObjectTypeDeleted;

/** What the store stamps on an appended event and the state needs: where, who and when. */
export interface RecordedMetadata {
  readonly sequenceNumber: number;
  readonly actor: string;
  readonly occurredAt: string;
}

export type RecordedOntologyEvent = OntologyEvent & { readonly metadata: RecordedMetadata };

export const ONTOLOGY_AGGREGATE = 'ontology';
export const ONTOLOGY_EVENT_SCHEMA_VERSION = 1;
