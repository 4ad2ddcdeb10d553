import type { EventEnvelope } from '../eventstore/envelope';
import type { PropertyDefinition } from './ontology.commands';
import type { ObjectTypeDefined, ObjectTypeUpdated } from './ontology.events';

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
  return OBJECT_TYPE_EVENTS.has(event.eventType) ? String((event.payload as { objectTypeId: string }).objectTypeId) : null;
}

/** Pure fold: the document after `event`; null for an event touching a document means the document is gone. */
export function projectObjectType(doc: ObjectTypeDoc | null, event: EventEnvelope): ObjectTypeDoc | null {
  switch (event.eventType) {
    case 'ObjectTypeDefined': {
      const d = event.payload as ObjectTypeDefined['data'];
      return {
        id: d.objectTypeId,
        ontologyId: event.aggregateId,
        apiName: d.apiName,
        displayName: d.displayName,
        description: d.description,
        status: d.status,
        properties: d.properties,
        primaryKey: d.primaryKey,
        version: event.sequenceNumber,
        createdBy: event.actor,
        createdAt: event.occurredAt,
        updatedBy: event.actor,
        updatedAt: event.occurredAt,
      };
    }
    case 'ObjectTypeUpdated': {
      if (!doc) return null;
      const d = event.payload as ObjectTypeUpdated['data'];
      return {
        ...doc,
        displayName: d.displayName,
        description: d.description,
        properties: d.properties,
        primaryKey: d.primaryKey,
        version: event.sequenceNumber,
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
