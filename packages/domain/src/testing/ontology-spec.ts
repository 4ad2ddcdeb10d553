import { DEFINITION_SCHEMAS, type DefinitionOf, type EntityKind } from '../ontology/model/definitions';
import type { ChangeOrigin } from '../ontology/model/entity-events';
import type { OntologyCommand, PlannedChange } from '../ontology/ontology.commands';
import { decideOntology } from '../ontology/ontology.decide';
import { entityEvent, type OntologyEvent, type RecordedMetadata, type RecordedOntologyEvent } from '../ontology/ontology.events';
import { evolveOntology, initialOntologyState, type OntologyState } from '../ontology/ontology.state';
import { deciderSpec } from './decider-spec';

/**
 * Given/when/then for the ontology decider, and builders that keep the specs about the rule under test:
 * definitions are written as their zod input (defaults filled in), changes and events are built from them.
 */

export type GivenEvent = OntologyEvent | RecordedOntologyEvent;

export const ADA = 'ada@spice.local';
export const GIVEN_AT = '2025-01-01T00:00:00.000Z';

/** Given events get the next sequence number, and Ada and a fixed time unless a test records its own. */
export function recorded(state: OntologyState, event: GivenEvent): RecordedOntologyEvent {
  const metadata: RecordedMetadata = 'metadata' in event ? event.metadata : { sequenceNumber: state.seq + 1, actor: ADA, occurredAt: GIVEN_AT };
  return { ...event, metadata } as RecordedOntologyEvent;
}

export const ontologySpec = deciderSpec<OntologyCommand, GivenEvent, OntologyState>({
  decide: decideOntology,
  evolve: (state, event) => evolveOntology(state, recorded(state, event)),
  initial: initialOntologyState,
});

export const stateAfter = (events: readonly GivenEvent[]): OntologyState =>
  events.reduce((s, e) => evolveOntology(s, recorded(s, e)), initialOntologyState);

export const ontologyCreated: OntologyEvent = { type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } };

/** The full definition of `input`, every default filled in. */
export const definition = <K extends EntityKind>(kind: K, input: Record<string, unknown>): DefinitionOf[K] =>
  DEFINITION_SCHEMAS[kind].parse(input) as DefinitionOf[K];

export const defineChange = <K extends EntityKind>(kind: K, id: string, input: Record<string, unknown>): PlannedChange => ({
  op: 'define',
  kind,
  id,
  definition: definition(kind, input),
});

export const updateChange = (kind: EntityKind, id: string, expectedSeq: number | null, patch: Record<string, unknown>): PlannedChange => ({
  op: 'update',
  kind,
  id,
  expectedSeq,
  patch,
});

export const deleteChange = (kind: EntityKind, id: string, expectedSeq: number | null): PlannedChange => ({ op: 'delete', kind, id, expectedSeq });

export function applyChanges(
  changes: PlannedChange | readonly PlannedChange[],
  options: { acknowledgeBreakingChanges?: boolean; origin?: ChangeOrigin } = {},
): OntologyCommand {
  return {
    type: 'ApplyChanges',
    data: {
      changes: Array.isArray(changes) ? changes : [changes as PlannedChange],
      acknowledgeBreakingChanges: options.acknowledgeBreakingChanges ?? false,
      origin: options.origin ?? { kind: 'edit' },
    },
  };
}

/** The event a plain edit that defines the entity emits. */
export const definedEvent = <K extends EntityKind>(kind: K, id: string, input: Record<string, unknown>): OntologyEvent =>
  entityEvent({ op: 'defined', kind, id, definition: definition(kind, input), breakingChanges: [], origin: { kind: 'edit' } });

/** The event a plain edit that updates the entity to `input` emits. */
export const updatedEvent = <K extends EntityKind>(kind: K, id: string, input: Record<string, unknown>, breakingChanges: string[] = []): OntologyEvent =>
  entityEvent({ op: 'updated', kind, id, definition: definition(kind, input), breakingChanges, origin: { kind: 'edit' } });

export const deletedEvent = <K extends EntityKind>(kind: K, id: string, input: Record<string, unknown>): OntologyEvent =>
  entityEvent({ op: 'deleted', kind, id, definition: definition(kind, input), breakingChanges: [], origin: { kind: 'edit' } });

/** The same event as recorded by someone else at another time, for the who-and-when of conflicts. */
export const by = (event: OntologyEvent, sequenceNumber: number, actor: string, occurredAt: string): RecordedOntologyEvent =>
  ({ ...event, metadata: { sequenceNumber, actor, occurredAt } }) as RecordedOntologyEvent;

// A small shipping ontology the rule specs build on.

export const imo = { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true };
export const shipInput = {
  apiName: 'Ship',
  displayName: 'Ship',
  properties: [imo, { apiName: 'name', displayName: 'Name', dataType: 'string' }, { apiName: 'tonnage', displayName: 'Tonnage', dataType: 'double' }],
  primaryKey: 'imo',
  titleKey: 'name',
};
export const portInput = {
  apiName: 'Port',
  displayName: 'Port',
  properties: [
    { apiName: 'code', displayName: 'UN/LOCODE', dataType: 'string', required: true },
    { apiName: 'name', displayName: 'Name', dataType: 'string' },
  ],
  primaryKey: 'code',
};
/** Ship (ot_ship) at sequence 2 and Port (ot_port) at 3. */
export const shippingBase: OntologyEvent[] = [ontologyCreated, definedEvent('objectType', 'ot_ship', shipInput), definedEvent('objectType', 'ot_port', portInput)];
