import type { PropertyDefinition } from './ontology.commands';
import type { RecordedOntologyEvent } from './ontology.events';

/** One object type as the decider needs it; deleted types stay as tombstones so they can't come back. */
export interface ObjectTypeState {
  readonly id: string;
  readonly apiName: string;
  readonly displayName: string;
  readonly description: string;
  readonly properties: readonly PropertyDefinition[];
  readonly primaryKey: string | null;
  /** The stream sequence number of the type's last change: what update and delete compare `expectedSeq` with. */
  readonly version: number;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly deleted: boolean;
}

export interface OntologyState {
  readonly exists: boolean;
  readonly ontologyId: string | null;
  /** The last sequence number folded in. */
  readonly seq: number;
  /** Object type id -> its state, deleted ones included. */
  readonly objectTypes: ReadonlyMap<string, ObjectTypeState>;
  /** Lower-cased apiName -> id of the live type holding it: apiNames are unique per ontology regardless of case. */
  readonly objectTypesByApiName: ReadonlyMap<string, string>;
}

export const initialOntologyState: OntologyState = {
  exists: false,
  ontologyId: null,
  seq: 0,
  objectTypes: new Map(),
  objectTypesByApiName: new Map(),
};

export function evolveOntology(state: OntologyState, event: RecordedOntologyEvent): OntologyState {
  const { sequenceNumber, actor, occurredAt } = event.metadata;
  const stamped = { ...state, seq: sequenceNumber };
  switch (event.type) {
    case 'OntologyCreated':
      return { ...stamped, exists: true, ontologyId: event.data.ontologyId };
    case 'ObjectTypeDefined':
    case 'ObjectTypeUpdated': {
      const { objectTypeId: id, apiName, displayName, description, properties, primaryKey } = event.data;
      const objectTypes = new Map(state.objectTypes);
      objectTypes.set(id, { id, apiName, displayName, description, properties, primaryKey, version: sequenceNumber, changedBy: actor, changedAt: occurredAt, deleted: false });
      const byName = new Map(state.objectTypesByApiName);
      byName.set(apiName.toLowerCase(), id);
      return { ...stamped, objectTypes, objectTypesByApiName: byName };
    }
    case 'ObjectTypeDeleted': {
      const current = state.objectTypes.get(event.data.objectTypeId);
      if (!current) return stamped;
      const objectTypes = new Map(state.objectTypes);
      objectTypes.set(current.id, { ...current, version: sequenceNumber, changedBy: actor, changedAt: occurredAt, deleted: true });
      const byName = new Map(state.objectTypesByApiName);
      if (byName.get(current.apiName.toLowerCase()) === current.id) byName.delete(current.apiName.toLowerCase());
      return { ...stamped, objectTypes, objectTypesByApiName: byName };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
