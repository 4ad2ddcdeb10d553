import type { EventEnvelope } from '../eventstore/envelope';
import type { PropertyDefinition } from './model/definitions';
import { definitionFromPayload } from './ontology.state';
import { ONTOLOGY_AGGREGATE } from './ontology.events';

export interface ObjectTypeDoc {
  readonly id: string;
  readonly ontologyId: string;
  readonly apiName: string;
  readonly displayName: string;
  readonly description: string;
  readonly status: string;
  readonly properties: readonly PropertyDefinition[];
  readonly primaryKey: string | null;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

const OBJECT_TYPE_EVENTS = new Set(['ObjectTypeDefined', 'ObjectTypeUpdated', 'ObjectTypeDeleted']);

/** The id of the read-model document an ontology event touches, or null when it touches none. */
export function objectTypeDocId(event: EventEnvelope): string | null {
  // Only main is projected: a branch's copy of a type has the same id and must not overwrite it.
  if (event.aggregateType !== ONTOLOGY_AGGREGATE) return null;
  return OBJECT_TYPE_EVENTS.has(event.eventType) ? String((event.payload as { objectTypeId: string }).objectTypeId) : null;
}

/** Pure fold: the document after `event`; null for an event touching a document means the document is gone. */
export function projectObjectType(doc: ObjectTypeDoc | null, event: EventEnvelope): ObjectTypeDoc | null {
  if (event.aggregateType !== ONTOLOGY_AGGREGATE) return doc;
  switch (event.eventType) {
    case 'ObjectTypeDefined':
    case 'ObjectTypeUpdated': {
      if (event.eventType === 'ObjectTypeUpdated' && !doc) return null;
      const d = definitionFromPayload('objectType', event.payload as Record<string, unknown>);
      return {
        id: String((event.payload as { objectTypeId: string }).objectTypeId),
        ontologyId: event.aggregateId,
        apiName: d.apiName,
        displayName: d.displayName,
        description: d.description,
        status: d.status,
        properties: d.properties,
        primaryKey: d.primaryKey,
        version: event.sequenceNumber,
        createdBy: doc?.createdBy ?? event.actor,
        createdAt: doc?.createdAt ?? event.occurredAt,
        updatedBy: event.actor,
        updatedAt: event.occurredAt,
      };
    }
    case 'ObjectTypeDeleted':
      return null;
    default:
      return doc;
  }
}

export const OBJECT_TYPE_SEARCH_INDEX = 'object-types';
export const OBJECT_TYPE_SEARCH_MAPPING = {
  fields: {
    apiName: 'text',
    displayName: 'text',
    description: 'text',
    propertyNames: 'text',
    ontologyId: 'keyword',
    status: 'keyword',
  },
} as const;

export function objectTypeSearchBody(doc: ObjectTypeDoc): Record<string, unknown> {
  return {
    apiName: doc.apiName,
    displayName: doc.displayName,
    description: doc.description,
    propertyNames: doc.properties.map((p) => `${p.apiName} ${p.displayName}`).join(' '),
    ontologyId: doc.ontologyId,
    status: doc.status,
  };
}
