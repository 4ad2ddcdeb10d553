import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/errors';
import type { OntologyCommand, PropertyDefinition } from './ontology.commands';
import type { OntologyEvent, RecordedOntologyEvent } from './ontology.events';
import { decideOntology } from './ontology.decide';
import { evolveOntology, initialOntologyState, type OntologyState } from './ontology.state';
import { PRIMARY_KEY_TYPES, PROPERTY_DATA_TYPES } from './property-types';

/**
 * Random command sequences against the ontology decider. Commands are generated as intents ("update the
 * 3rd type ever defined, with a stale version") and made concrete against the state when they run, so
 * updates and deletes hit real, deleted and unknown types with right, stale and random versions.
 */

// Small pools on purpose: collisions (SHIP vs Ship), reserved words and bad names happen often.
const VALID_API_NAMES = ['Ship', 'SHIP', 'ship', 'Port', 'Berth', 'Crane'];
const BAD_API_NAMES = ['Object', 'Bad name', ''];
const VALID_PROPERTY_NAMES = ['imo', 'code', 'name', 'weight', 'builtOn'];
const BAD_PROPERTY_NAMES = ['Type', 'id', ''];
const VALID_DISPLAY_NAMES = ['Vessel', 'Harbour', 'Sea ship'];
const BAD_DISPLAY_NAMES = [' ', ''];

/** Mostly valid, sometimes not: enough commands succeed for the sequences to go somewhere. */
const mostly = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wild });
/** For what each of several properties holds, so that whole definitions are still mostly valid. */
const nearlyAlways = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<T>) => fc.oneof({ weight: 19, arbitrary: valid }, { weight: 1, arbitrary: wild });

const arbDisplayName = mostly(fc.constantFrom(...VALID_DISPLAY_NAMES), fc.constantFrom(...BAD_DISPLAY_NAMES));
const arbProperty: fc.Arbitrary<PropertyDefinition> = fc.record({
  apiName: nearlyAlways(fc.constantFrom(...VALID_PROPERTY_NAMES), fc.constantFrom(...BAD_PROPERTY_NAMES)),
  displayName: nearlyAlways(fc.constantFrom(...VALID_DISPLAY_NAMES), fc.constantFrom(...BAD_DISPLAY_NAMES)),
  dataType: fc.constantFrom(...PROPERTY_DATA_TYPES),
  required: fc.boolean(),
  description: fc.constant(''),
});

interface Definition {
  displayName: string;
  properties: PropertyDefinition[];
  primaryKey: string | null;
}

type KeyChoice = 'none' | 'valid' | 'as-generated' | 'stray';
const arbKeyChoice: fc.Arbitrary<KeyChoice> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('none' as const) },
  { weight: 4, arbitrary: fc.constant('valid' as const) },
  { weight: 1, arbitrary: fc.constant('as-generated' as const) },
  { weight: 1, arbitrary: fc.constant('stray' as const) },
);

/** Properties and a primary key that is, most of the time, a required key-typed one of them. */
const arbDefinition: fc.Arbitrary<Definition> = fc
  .record({
    displayName: arbDisplayName,
    properties: mostly(fc.uniqueArray(arbProperty, { selector: (p) => p.apiName, maxLength: 4 }), fc.array(arbProperty, { maxLength: 4 })),
    key: arbKeyChoice,
    pick: fc.nat(),
    stray: fc.constantFrom(...VALID_PROPERTY_NAMES),
  })
  .map(({ displayName, properties, key, pick, stray }): Definition => {
    const picked = properties[pick % Math.max(1, properties.length)];
    if (key === 'stray') return { displayName, properties, primaryKey: stray };
    if (key === 'none' || !picked) return { displayName, properties, primaryKey: null };
    if (key === 'as-generated') return { displayName, properties, primaryKey: picked.apiName };
    const keyProperty = { ...picked, required: true, dataType: PRIMARY_KEY_TYPES[pick % PRIMARY_KEY_TYPES.length]! };
    return { displayName, properties: properties.map((p) => (p === picked ? keyProperty : p)), primaryKey: picked.apiName };
  });

/** Which version the client sends: the current one, one it saw before a later change, or anything. */
type VersionChoice = { kind: 'right' } | { kind: 'stale' } | { kind: 'any'; n: number };
const arbVersion: fc.Arbitrary<VersionChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'right' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'stale' as const }) },
  { weight: 1, arbitrary: fc.nat({ max: 60 }).map((n) => ({ kind: 'any' as const, n })) },
);

type Intent =
  | { kind: 'define'; apiName: string; definition: Definition; reuseId: number | null }
  | { kind: 'update'; target: number; version: VersionChoice; definition: Definition; description: string; fields: Record<keyof Definition | 'description', boolean> }
  | { kind: 'delete'; target: number; version: VersionChoice };

const MAX_TARGET = 12;
const arbTarget = fc.nat({ max: MAX_TARGET });
const arbIntent: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('define' as const),
      apiName: mostly(fc.constantFrom(...VALID_API_NAMES), fc.constantFrom(...BAD_API_NAMES)),
      definition: arbDefinition,
      // Now and then the id of a type defined before (perhaps deleted since): it must not be taken over.
      reuseId: mostly(fc.constant(null), arbTarget),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      target: arbTarget,
      version: arbVersion,
      definition: arbDefinition,
      description: fc.constantFrom('', 'edited'),
      fields: fc.record({ displayName: fc.boolean(), description: fc.boolean(), properties: fc.boolean(), primaryKey: fc.boolean() }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: arbTarget, version: arbVersion }) },
);

interface Run {
  state: OntologyState;
  emitted: RecordedOntologyEvent[];
  /** How many defines were tried: the next fresh id. */
  defines: number;
  /** The versions each type has had. */
  history: Map<string, number[]>;
}

function concrete(intent: Intent, run: Run): OntologyCommand {
  const known = [...run.state.objectTypes.keys()];
  if (intent.kind === 'define') {
    run.defines += 1;
    const objectTypeId = (intent.reuseId !== null && known[intent.reuseId % known.length]) || `ot_${run.defines}`;
    return { type: 'DefineObjectType', data: { apiName: intent.apiName, description: '', ...intent.definition, objectTypeId } };
  }
  // Live and deleted types, and now and then a type that never existed.
  const objectTypeId = (intent.target < MAX_TARGET && known[intent.target % known.length]) || 'ot_unknown';
  const seen = run.history.get(objectTypeId) ?? [];
  const current = run.state.objectTypes.get(objectTypeId)?.version ?? 0;
  const expectedSeq = intent.version.kind === 'right' ? current : intent.version.kind === 'stale' ? (seen.at(-2) ?? current + 1) : intent.version.n;
  if (intent.kind === 'delete') return { type: 'DeleteObjectType', data: { objectTypeId, expectedSeq } };
  const given = { ...intent.definition, description: intent.description };
  const fields = Object.fromEntries(Object.entries(given).filter(([field]) => intent.fields[field as keyof typeof intent.fields]));
  return { type: 'UpdateObjectType', data: { objectTypeId, expectedSeq, ...fields } };
}

function fold(events: readonly RecordedOntologyEvent[]): OntologyState {
  return events.reduce(evolveOntology, initialOntologyState);
}

function record(event: OntologyEvent, seq: number): RecordedOntologyEvent {
  return { ...event, metadata: { sequenceNumber: seq, actor: `actor-${seq % 3}@spice.local`, occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString() } } as RecordedOntologyEvent;
}

function expectInvariants(state: OntologyState): void {
  const live = [...state.objectTypes.values()].filter((t) => !t.deleted);
  const lowerNames = live.map((t) => t.apiName.toLowerCase());
  expect(new Set(lowerNames).size, `apiNames unique per ontology whatever the case: ${lowerNames.join(', ')}`).toBe(live.length);
  expect(new Map(state.objectTypesByApiName)).toEqual(new Map(live.map((t) => [t.apiName.toLowerCase(), t.id])));
  for (const t of live) {
    if (t.primaryKey === null) continue;
    const key = t.properties.find((p) => p.apiName === t.primaryKey);
    expect(key, `${t.apiName}'s primary key ${t.primaryKey} is one of its properties`).toBeDefined();
    expect(key!.required, `${t.apiName}'s primary key is required`).toBe(true);
    expect(PRIMARY_KEY_TYPES).toContain(key!.dataType);
  }
}

describe('ontology decider under random command sequences', () => {
  it('keeps its invariants, rejects without emitting, and folds to the state it tracks', () => {
    fc.assert(
      fc.property(fc.array(arbIntent, { minLength: 1, maxLength: 60, size: 'medium' }), (intents) => {
        const created = record({ type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } }, 1);
        const run: Run = { state: evolveOntology(initialOntologyState, created), emitted: [created], defines: 0, history: new Map() };
        const everDeleted = new Set<string>();

        for (const intent of intents) {
          const command = concrete(intent, run);
          const before = run.state;
          const snapshot = structuredClone(before);
          let events: OntologyEvent[];
          try {
            events = decideOntology(command, before);
          } catch (e) {
            expect(isDomainError(e), String(e)).toBe(true);
            expect(before, 'a rejected command leaves the state as it was').toEqual(snapshot);
            continue;
          }
          if (command.type === 'UpdateObjectType' || command.type === 'DeleteObjectType') {
            const target = before.objectTypes.get(command.data.objectTypeId);
            expect(target?.version, 'only the version the type is at is accepted').toBe(command.data.expectedSeq);
            expect(target?.deleted).toBe(false);
          }
          expect(events).toHaveLength(1);
          const event = record(events[0]!, before.seq + 1);
          run.state = evolveOntology(before, event);
          run.emitted.push(event);

          expect(run.state.seq, 'sequence numbers strictly increase').toBeGreaterThan(before.seq);
          const id = (event.data as { objectTypeId: string }).objectTypeId;
          const changed = run.state.objectTypes.get(id)!;
          expect(changed.version).toBe(event.metadata.sequenceNumber);
          const versions = [...(run.history.get(id) ?? []), changed.version];
          expect(versions, 'a type’s versions strictly increase').toEqual([...new Set(versions)].sort((a, b) => a - b));
          run.history.set(id, versions);
          if (changed.deleted) everDeleted.add(id);

          expectInvariants(run.state);
          for (const deleted of everDeleted) expect(run.state.objectTypes.get(deleted)?.deleted, `${deleted} stays deleted`).toBe(true);
        }
        expect(fold(run.emitted)).toEqual(run.state);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every edit based on a version the type has moved past', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Sea ship', 'Vessel', 'Boat'), { minLength: 2, maxLength: 10 }), (names) => {
        const events: RecordedOntologyEvent[] = [
          record({ type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } }, 1),
          record({ type: 'ObjectTypeDefined', data: { objectTypeId: 'ot_1', apiName: 'Ship', displayName: 'Ship', description: '', status: 'experimental', properties: [], primaryKey: null } }, 2),
        ];
        for (const displayName of names) {
          const state = fold(events);
          const [event] = decideOntology({ type: 'UpdateObjectType', data: { objectTypeId: 'ot_1', expectedSeq: state.seq, displayName } }, state);
          events.push(record(event!, state.seq + 1));
        }
        const state = fold(events);
        for (let stale = 2; stale < state.seq; stale++) {
          for (const command of [
            { type: 'UpdateObjectType', data: { objectTypeId: 'ot_1', expectedSeq: stale, description: 'mine' } },
            { type: 'DeleteObjectType', data: { objectTypeId: 'ot_1', expectedSeq: stale } },
          ] satisfies OntologyCommand[]) {
            expect(() => decideOntology(command, state)).toThrowError(expect.objectContaining({ code: 'ONTOLOGY.OBJECT_TYPE_CHANGED' }));
          }
        }
      }),
    );
  });
});
