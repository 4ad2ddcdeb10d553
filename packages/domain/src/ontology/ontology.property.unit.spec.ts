import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/errors';
import { definition } from '../testing/ontology-spec';
import { ENTITY_ID_PREFIX, type AnyDefinition, type EntityKind, type ObjectTypeDefinition } from './model/definitions';
import { entityEventKind } from './model/entity-events';
import type { OntologyCommand, PlannedChange } from './ontology.commands';
import { changedCode, decideOntology } from './ontology.decide';
import type { OntologyEvent, RecordedOntologyEvent } from './ontology.events';
import { definitionFromPayload, evolveOntology, initialOntologyState, liveEntities, type OntologyState } from './ontology.state';
import { ontologyIssues } from './rules/ontology.validation';

/**
 * Random command sequences against the ontology decider, over object types, link types and interfaces. Commands
 * are generated as intents ("update the 3rd link type ever defined, with a stale version, and rename it") and made
 * concrete against the state when they run, so changes hit live, deleted and unknown entities with right, stale
 * and arbitrary versions, alone or several in one command.
 */

// Small pools on purpose: collisions (SHIP vs Ship, an interface named Ship), reserved words, bad names, link ends
// named like properties, interfaces their implementers don't satisfy: all happen often.
const OBJECT_TYPE_NAMES = ['Ship', 'SHIP', 'Port', 'Berth'];
const BAD_TYPE_NAMES = ['Object', 'bad name'];
const INTERFACE_NAMES = ['Named', 'Located', 'Ship'];
const LINK_NAMES = ['callsAt', 'visits', 'escorts'];
const BAD_LINK_NAMES = ['CallsAt', 'link'];
const END_NAMES = ['ports', 'ships', 'escort', 'name', 'homePort'];
const PROPERTY_NAMES = ['imo', 'code', 'name', 'weight', 'homePort'];
const BAD_PROPERTY_NAMES = ['Type', 'id', ''];
const DISPLAY_NAMES = ['Vessel', 'Harbour', 'Sea ship'];
const BAD_DISPLAY_NAMES = [' ', ''];
const DATA_TYPES = ['string', 'integer', 'long', 'double', 'date', { type: 'decimal', precision: 10, scale: 2 }, { type: 'enum', values: ['a', 'b'] }];
const KEY_TYPES = ['string', 'integer', 'long'];

/** Mostly valid, sometimes not: enough commands succeed for the sequences to go somewhere. */
const mostly = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wild });
/** For what each of several parts holds, so that whole definitions are still mostly valid. */
const nearlyAlways = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<T>) => fc.oneof({ weight: 19, arbitrary: valid }, { weight: 1, arbitrary: wild });
const rarely = <T>(usual: T, rare: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: rare });

const arbDisplayName = nearlyAlways(fc.constantFrom(...DISPLAY_NAMES), fc.constantFrom(...BAD_DISPLAY_NAMES));

const arbProperty = fc.record({
  apiName: nearlyAlways(fc.constantFrom(...PROPERTY_NAMES), fc.constantFrom(...BAD_PROPERTY_NAMES)),
  displayName: arbDisplayName,
  dataType: fc.constantFrom(...DATA_TYPES),
  required: fc.boolean(),
});

/** An object type whose primary key is, most of the time, a required key-typed one of its properties. */
const arbObjectType = fc
  .record({
    apiName: mostly(fc.constantFrom(...OBJECT_TYPE_NAMES), fc.constantFrom(...BAD_TYPE_NAMES)),
    displayName: arbDisplayName,
    properties: mostly(fc.uniqueArray(arbProperty, { selector: (p) => p.apiName, maxLength: 4 }), fc.array(arbProperty, { maxLength: 4 })),
    key: fc.constantFrom('none', 'valid', 'valid', 'as-generated', 'stray'),
    pick: fc.nat(),
    status: fc.constantFrom('experimental', 'experimental', 'experimental', 'active', 'deprecated'),
    replacement: fc.constantFrom(null, ...OBJECT_TYPE_NAMES),
    implements: rarely([] as string[], fc.subarray(INTERFACE_NAMES, { maxLength: 2 })),
  })
  .map(({ apiName, displayName, properties, key, pick, status, replacement, implements: impl }) => {
    const picked = properties[pick % Math.max(1, properties.length)];
    let primaryKey: string | null = null;
    if (key === 'stray') primaryKey = PROPERTY_NAMES[pick % PROPERTY_NAMES.length]!;
    else if (key !== 'none' && picked) {
      primaryKey = picked.apiName;
      if (key === 'valid') properties = properties.map((p) => (p === picked ? { ...p, required: true, dataType: KEY_TYPES[pick % KEY_TYPES.length]! } : p));
    }
    const deprecation = status === 'deprecated' && pick % 5 !== 0 ? { reason: 'Replaced', deadline: '2026-01-01', replacement } : null;
    return { apiName, displayName, properties, primaryKey, status, deprecation, implements: impl };
  });

const arbEnd = fc.record({ apiName: nearlyAlways(fc.constantFrom(...END_NAMES), fc.constantFrom('Ports', 'links')), displayName: arbDisplayName });

/**
 * Endpoints and foreign keys are picks (`n`), made concrete against the live object types when the command runs
 * (see materialise): link types mostly join types that exist, and foreign keys mostly name their properties.
 */
const arbLinkType = fc.record({
  apiName: mostly(fc.constantFrom(...LINK_NAMES), fc.constantFrom(...BAD_LINK_NAMES)),
  sourceObjectType: fc.nat(),
  targetObjectType: fc.nat(),
  cardinality: fc.constantFrom('one-to-one', 'one-to-many', 'many-to-many'),
  forward: arbEnd,
  reverse: arbEnd,
  relationship: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant({ kind: 'joinTable', sourceColumn: 'a', targetColumn: 'b' }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('foreignKey'), onTarget: fc.boolean(), property: fc.nat() }) },
  ),
});

/** The definition input a generated one stands for in this state. */
function materialise(kind: GeneratedKind, generated: Record<string, unknown>, state: OntologyState): Record<string, unknown> {
  if (kind !== 'linkType') return generated;
  const live = liveEntities(state, 'objectType').map((e) => e.definition);
  const pick = (n: number) => (live.length > 0 && n % 6 !== 5 ? live[n % live.length] : undefined);
  const name = (n: number) => pick(n)?.apiName ?? OBJECT_TYPE_NAMES[n % OBJECT_TYPE_NAMES.length]!;
  const out: Record<string, unknown> = { ...generated };
  if (typeof generated.sourceObjectType === 'number') out.sourceObjectType = name(generated.sourceObjectType);
  if (typeof generated.targetObjectType === 'number') out.targetObjectType = name(generated.targetObjectType);
  const r = generated.relationship as { kind: string; onTarget?: boolean; property?: number } | null | undefined;
  if (r?.kind === 'foreignKey') {
    const n = r.onTarget ? generated.targetObjectType : generated.sourceObjectType;
    const holder = typeof n === 'number' ? pick(n) : undefined;
    const properties = holder?.properties ?? [];
    out.relationship = {
      kind: 'foreignKey',
      objectType: holder?.apiName ?? OBJECT_TYPE_NAMES[r.property! % OBJECT_TYPE_NAMES.length]!,
      property: properties[r.property! % Math.max(1, properties.length)]?.apiName ?? PROPERTY_NAMES[r.property! % PROPERTY_NAMES.length]!,
    };
  }
  return out;
}

const arbInterface = fc.record({
  apiName: mostly(fc.constantFrom(...INTERFACE_NAMES), fc.constantFrom(...BAD_TYPE_NAMES)),
  displayName: arbDisplayName,
  extends: rarely([] as string[], fc.subarray(INTERFACE_NAMES, { maxLength: 2 })),
  properties: fc.uniqueArray(
    fc.record({ apiName: fc.constantFrom(...PROPERTY_NAMES), dataType: fc.constantFrom(...DATA_TYPES), required: fc.boolean() }),
    { selector: (p) => p.apiName, maxLength: 2 },
  ),
  links: rarely(
    [] as { apiName: string; target: { kind: string; apiName: string }; many: boolean }[],
    fc.array(
      fc.record({
        apiName: fc.constantFrom(...END_NAMES),
        target: fc.oneof(
          fc.record({ kind: fc.constant('objectType'), apiName: fc.constantFrom(...OBJECT_TYPE_NAMES) }),
          fc.record({ kind: fc.constant('interface'), apiName: fc.constantFrom(...INTERFACE_NAMES) }),
        ),
        many: fc.boolean(),
      }),
      { maxLength: 1 },
    ),
  ),
});

const ARB_DEFINITION: Record<'objectType' | 'linkType' | 'interface', fc.Arbitrary<Record<string, unknown>>> = {
  objectType: arbObjectType,
  linkType: arbLinkType,
  interface: arbInterface,
};
type GeneratedKind = keyof typeof ARB_DEFINITION;
const arbKind = fc.constantFrom<GeneratedKind>('objectType', 'objectType', 'linkType', 'interface');

/** Which version the client sends: the current one, one it saw before a later change, anything, or none (a merge). */
type VersionChoice = { kind: 'right' } | { kind: 'stale' } | { kind: 'none' } | { kind: 'any'; n: number };
const arbVersion: fc.Arbitrary<VersionChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'right' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'stale' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.nat({ max: 60 }).map((n) => ({ kind: 'any' as const, n })) },
);

const MAX_TARGET = 8;
const arbTarget = fc.nat({ max: MAX_TARGET });

type ChangeIntent =
  | { op: 'define'; kind: GeneratedKind; definition: Record<string, unknown>; reuseId: number | null }
  | { op: 'update'; kind: GeneratedKind; target: number; version: VersionChoice; definition: Record<string, unknown>; fields: number }
  | { op: 'delete'; kind: GeneratedKind; target: number; version: VersionChoice };

const arbChange: fc.Arbitrary<ChangeIntent> = arbKind.chain((kind) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('define' as const),
        kind: fc.constant(kind),
        definition: ARB_DEFINITION[kind],
        // Now and then the id of an entity defined before (perhaps deleted since): it must not be taken over.
        reuseId: rarely<number | null>(null, arbTarget),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('update' as const),
        kind: fc.constant(kind),
        target: arbTarget,
        version: arbVersion,
        definition: ARB_DEFINITION[kind],
        // Which of the generated definition's fields the patch carries, as bits.
        fields: fc.nat(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), kind: fc.constant(kind), target: arbTarget, version: arbVersion }) },
  ),
);

interface Intent {
  changes: ChangeIntent[];
  acknowledge: boolean;
}
const arbIntent: fc.Arbitrary<Intent> = fc.record({
  changes: fc.oneof({ weight: 5, arbitrary: fc.tuple(arbChange).map((c) => [...c]) }, { weight: 1, arbitrary: fc.array(arbChange, { minLength: 2, maxLength: 3 }) }),
  acknowledge: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

interface Run {
  state: OntologyState;
  emitted: RecordedOntologyEvent[];
  /** How many defines were tried: the next fresh id. */
  defines: number;
  /** The versions each entity has had, by `kind:id`. */
  history: Map<string, number[]>;
}

function concreteChange(intent: ChangeIntent, run: Run): PlannedChange {
  const { kind } = intent;
  const known = [...run.state.entities[kind].keys()];
  if (intent.op === 'define') {
    run.defines += 1;
    const id = (intent.reuseId !== null && known[intent.reuseId % known.length]) || `${ENTITY_ID_PREFIX[kind]}${run.defines}`;
    return { op: 'define', kind, id, definition: definition(kind, materialise(kind, intent.definition, run.state)) };
  }
  // Live and deleted entities, and now and then one that never existed.
  const id = (intent.target < MAX_TARGET && known[intent.target % known.length]) || `${ENTITY_ID_PREFIX[kind]}unknown`;
  const current = run.state.entities[kind].get(id)?.version ?? 0;
  const seen = run.history.get(`${kind}:${id}`) ?? [];
  const v = intent.version;
  const expectedSeq = v.kind === 'right' ? current : v.kind === 'stale' ? (seen.at(-2) ?? current + 1) : v.kind === 'none' ? null : v.n;
  if (intent.op === 'delete') return { op: 'delete', kind, id, expectedSeq };
  const generated = materialise(kind, intent.definition, run.state);
  const fields = Object.keys(generated);
  const patch = Object.fromEntries(fields.filter((_, i) => (intent.fields >> i) & 1).map((f) => [f, generated[f]]));
  return { op: 'update', kind, id, expectedSeq, patch };
}

const apply = (changes: PlannedChange[], acknowledgeBreakingChanges = false): OntologyCommand => ({
  type: 'ApplyChanges',
  data: { changes, acknowledgeBreakingChanges, origin: { kind: 'edit' } },
});

const concrete = (intent: Intent, run: Run): OntologyCommand => apply(intent.changes.map((c) => concreteChange(c, run)), intent.acknowledge);

const fold = (events: readonly RecordedOntologyEvent[]): OntologyState => events.reduce(evolveOntology, initialOntologyState);

function record(event: OntologyEvent, seq: number): RecordedOntologyEvent {
  return { ...event, metadata: { sequenceNumber: seq, actor: `actor-${seq % 3}@spice.local`, occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString() } } as RecordedOntologyEvent;
}

const PRELUDE: PlannedChange[] = [
  { op: 'define', kind: 'objectType', id: 'ot_ship', definition: definition('objectType', { apiName: 'Ship', displayName: 'Ship', properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true }], primaryKey: 'imo' }) },
  { op: 'define', kind: 'objectType', id: 'ot_port', definition: definition('objectType', { apiName: 'Port', displayName: 'Port', properties: [{ apiName: 'code', displayName: 'Code', dataType: 'integer', required: true }], primaryKey: 'code' }) },
  { op: 'define', kind: 'interface', id: 'if_named', definition: definition('interface', { apiName: 'Named', displayName: 'Named' }) },
];

const lower = (s: string) => s.toLowerCase();

/** The invariants, checked without the rules module: what "valid" means, written a second time. */
function expectInvariants(state: OntologyState): void {
  const objectTypes = liveEntities(state, 'objectType').map((e) => e.definition);
  const interfaces = liveEntities(state, 'interface').map((e) => e.definition);
  const linkTypes = liveEntities(state, 'linkType').map((e) => e.definition);
  const typeNames = [...objectTypes, ...interfaces].map((d) => lower(d.apiName));
  expect(new Set(typeNames).size, `object type and interface names unique whatever the case: ${typeNames.join(', ')}`).toBe(typeNames.length);
  const linkNames = linkTypes.map((d) => lower(d.apiName));
  expect(new Set(linkNames).size, `link type names unique: ${linkNames.join(', ')}`).toBe(linkNames.length);
  const objectType = (name: string) => objectTypes.find((o) => lower(o.apiName) === lower(name));

  for (const t of objectTypes) {
    expect(new Set(t.properties.map((p) => lower(p.apiName))).size, `${t.apiName}'s property names are unique`).toBe(t.properties.length);
    if (t.status === 'active') expect(t.primaryKey, `active ${t.apiName} has a primary key`).not.toBeNull();
    if (t.primaryKey !== null) {
      const key = t.properties.find((p) => p.apiName === t.primaryKey);
      expect(key, `${t.apiName}'s primary key ${t.primaryKey} is one of its properties`).toBeDefined();
      expect(key!.required, `${t.apiName}'s primary key is required`).toBe(true);
      expect(KEY_TYPES).toContain(key!.dataType);
    }
    for (const name of t.implements) expect(interfaces.some((i) => lower(i.apiName) === lower(name)), `${t.apiName} implements ${name}, which exists`).toBe(true);
  }
  for (const l of linkTypes) {
    const source = objectType(l.sourceObjectType);
    const target = objectType(l.targetObjectType);
    expect(source && target, `link type ${l.apiName}'s endpoints exist`).toBeTruthy();
    expect(source!.properties.some((p) => lower(p.apiName) === lower(l.forward.apiName)), `${l.apiName}.${l.forward.apiName} is not a property`).toBe(false);
    expect(target!.properties.some((p) => lower(p.apiName) === lower(l.reverse.apiName)), `${l.apiName}.${l.reverse.apiName} is not a property`).toBe(false);
    if (l.relationship?.kind === 'foreignKey') expect(l.cardinality, `${l.apiName} has a foreign key`).not.toBe('many-to-many');
  }
  for (const i of interfaces) {
    const reachesItself = (name: string, seen: Set<string>): boolean => {
      const parent = interfaces.find((x) => lower(x.apiName) === lower(name));
      if (!parent) return false;
      if (lower(parent.apiName) === lower(i.apiName)) return true;
      if (seen.has(lower(name))) return false;
      seen.add(lower(name));
      return parent.extends.some((p) => reachesItself(p, seen));
    };
    expect(i.extends.some((p) => reachesItself(p, new Set())), `${i.apiName} does not extend itself`).toBe(false);
  }
}

describe('ontology decider under random command sequences', () => {
  it('keeps the ontology valid, rejects without emitting, and folds to the state it tracks', () => {
    fc.assert(
      fc.property(fc.array(arbIntent, { minLength: 1, maxLength: 40, size: 'medium' }), (intents) => {
        const created = record({ type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } }, 1);
        const run: Run = { state: evolveOntology(initialOntologyState, created), emitted: [created], defines: 0, history: new Map() };
        // A valid start, so link types and implementers have something to refer to from the first command on.
        decideOntology(apply(PRELUDE), run.state).forEach((e, i) => run.emitted.push(record(e, 2 + i)));
        run.state = fold(run.emitted);
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
          if (command.type !== 'ApplyChanges') throw new Error('only ApplyChanges is generated');

          for (const change of command.data.changes) {
            const target = before.entities[change.kind].get(change.id);
            if (change.op === 'define') {
              expect(target, 'a define takes a fresh id').toBeUndefined();
              continue;
            }
            expect(target?.deleted, `${change.op} of a live ${change.kind}`).toBe(false);
            if (change.expectedSeq !== null) expect(target!.version, 'only the version the entity is at is accepted').toBe(change.expectedSeq);
            if (change.op === 'delete' && change.kind === 'objectType')
              expect((target!.definition as ObjectTypeDefinition).status, 'an active object type is never deleted').not.toBe('active');
          }
          expect(events.length, 'at most one event per change').toBeLessThanOrEqual(command.data.changes.length);
          if (!command.data.acknowledgeBreakingChanges)
            for (const e of events) expect((e.data as { breakingChanges?: unknown }).breakingChanges, 'breaking changes only once confirmed').toBeUndefined();

          let state = before;
          for (const [i, event] of events.entries()) {
            const recorded = record(event, before.seq + i + 1);
            state = evolveOntology(state, recorded);
            run.emitted.push(recorded);
            const { kind, op } = entityEventKind(event.type)!;
            const id = String((event.data as Record<string, unknown>)[`${kind}Id`]);
            const changed = state.entities[kind as EntityKind].get(id)!;
            expect(changed.version).toBe(recorded.metadata.sequenceNumber);
            if (op !== 'deleted') expect(changed.definition, 'the state holds the definition the event carries').toEqual(definitionFromPayload(kind, event.data));
            const versions = [...(run.history.get(`${kind}:${id}`) ?? []), changed.version];
            expect(versions, 'an entity’s versions strictly increase').toEqual([...new Set(versions)].sort((a, b) => a - b));
            run.history.set(`${kind}:${id}`, versions);
            if (changed.deleted) everDeleted.add(`${kind}:${id}`);
          }
          run.state = state;

          expect(ontologyIssues(run.state), 'no accepted command leaves an issue').toEqual([]);
          expectInvariants(run.state);
          for (const t of liveEntities(before, 'objectType'))
            if (t.definition.status === 'active')
              expect(run.state.entities.objectType.get(t.id)!.definition.primaryKey, `active ${t.definition.apiName} keeps its primary key`).toBe(t.definition.primaryKey);
          for (const key of everDeleted) {
            const [kind, id] = key.split(':') as [EntityKind, string];
            expect(run.state.entities[kind].get(id)?.deleted, `${key} stays deleted`).toBe(true);
          }
        }
        expect(fold(run.emitted), 'the emitted events fold to the tracked state').toEqual(run.state);
        expect(fold(JSON.parse(JSON.stringify(run.emitted)) as RecordedOntologyEvent[]), 'and still do once stored as JSON').toEqual(run.state);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('refuses every edit based on a version the entity has moved past', () => {
    const callsAt = definition('linkType', {
      apiName: 'callsAt',
      sourceObjectType: 'Ship',
      targetObjectType: 'Ship',
      cardinality: 'one-to-many',
      forward: { apiName: 'escorts', displayName: 'Escorts' },
      reverse: { apiName: 'escortedBy', displayName: 'Escorted by' },
    });
    const setup: { kind: EntityKind; id: string; definition: unknown }[] = [
      { kind: 'objectType', id: 'ot_1', definition: definition('objectType', { apiName: 'Ship', displayName: 'Ship' }) },
      { kind: 'linkType', id: 'lt_1', definition: callsAt },
      { kind: 'interface', id: 'if_1', definition: definition('interface', { apiName: 'Named', displayName: 'Named' }) },
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.constantFrom('one', 'two', 'three')), { minLength: 2, maxLength: 10 }), (edits) => {
        const events: RecordedOntologyEvent[] = [record({ type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } }, 1)];
        const defines: PlannedChange[] = setup.map((s) => ({ op: 'define', kind: s.kind, id: s.id, definition: s.definition as AnyDefinition }));
        decideOntology(apply(defines), fold(events)).forEach((e, i) => events.push(record(e, 2 + i)));
        let state = fold(events);
        const versions = setup.map(() => [] as number[]);
        for (const [target, description] of edits) {
          const s = setup[target]!;
          const current = state.entities[s.kind].get(s.id)?.version;
          if (current === undefined) continue;
          versions[target]!.push(current);
          const [event] = decideOntology(apply([{ op: 'update', kind: s.kind, id: s.id, expectedSeq: current, patch: { description } }]), state);
          if (event) events.push(record(event, state.seq + 1));
          state = fold(events);
        }
        for (const [target, seen] of versions.entries()) {
          const s = setup[target]!;
          const now = state.entities[s.kind].get(s.id)?.version;
          for (const stale of seen.filter((v) => v !== now)) {
            for (const change of [
              { op: 'update', kind: s.kind, id: s.id, expectedSeq: stale, patch: { description: 'mine' } },
              { op: 'delete', kind: s.kind, id: s.id, expectedSeq: stale },
            ] satisfies PlannedChange[]) {
              expect(() => decideOntology(apply([change], true), state)).toThrowError(expect.objectContaining({ code: changedCode(s.kind) }));
            }
          }
        }
      }),
    );
  });
});
