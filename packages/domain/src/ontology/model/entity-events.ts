import type { AnyDefinition, EntityKind } from './definitions';

/**
 * Per kind, the event names and the payload field that carries the entity's id. Object types keep the names and
 * the flat payload of the first version (`{ objectTypeId, ...definition }`), and every kind follows that shape.
 */
export const ENTITY_EVENTS = {
  objectType: { defined: 'ObjectTypeDefined', updated: 'ObjectTypeUpdated', deleted: 'ObjectTypeDeleted', idField: 'objectTypeId' },
  linkType: { defined: 'LinkTypeDefined', updated: 'LinkTypeUpdated', deleted: 'LinkTypeDeleted', idField: 'linkTypeId' },
  interface: { defined: 'InterfaceDefined', updated: 'InterfaceUpdated', deleted: 'InterfaceDeleted', idField: 'interfaceId' },
  sharedPropertyType: {
    defined: 'SharedPropertyTypeDefined',
    updated: 'SharedPropertyTypeUpdated',
    deleted: 'SharedPropertyTypeDeleted',
    idField: 'sharedPropertyTypeId',
  },
  valueType: { defined: 'ValueTypeDefined', updated: 'ValueTypeUpdated', deleted: 'ValueTypeDeleted', idField: 'valueTypeId' },
} as const satisfies Record<EntityKind, { defined: string; updated: string; deleted: string; idField: string }>;

export type EntityChangeOp = 'defined' | 'updated' | 'deleted';

/** Why an update happened when it was not a plain edit: shown in history. */
export interface ChangeOrigin {
  readonly kind: 'edit' | 'revert' | 'import' | 'merge';
  /** revert: the version restored; merge: the proposal; import: the format. */
  readonly detail?: string;
}

/** One entity change as the decider emits it, before it is given its event name. */
export interface EntityChange {
  readonly op: EntityChangeOp;
  readonly kind: EntityKind;
  readonly id: string;
  /** The whole definition after the change (for `deleted`, the one that was deleted). */
  readonly definition: AnyDefinition;
  /** What the change breaks for existing data and clients; acknowledged by whoever made it. */
  readonly breakingChanges: readonly string[];
  readonly origin: ChangeOrigin;
}

const BY_EVENT_TYPE = new Map<string, { kind: EntityKind; op: EntityChangeOp }>(
  (Object.entries(ENTITY_EVENTS) as [EntityKind, (typeof ENTITY_EVENTS)[EntityKind]][]).flatMap(([kind, e]) => [
    [e.defined, { kind, op: 'defined' as const }],
    [e.updated, { kind, op: 'updated' as const }],
    [e.deleted, { kind, op: 'deleted' as const }],
  ]),
);

export const entityEventKind = (eventType: string) => BY_EVENT_TYPE.get(eventType) ?? null;

export const isEntityEvent = (eventType: string): boolean => BY_EVENT_TYPE.has(eventType);
