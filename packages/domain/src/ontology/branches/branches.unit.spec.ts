import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { ENTITY_KINDS, ZLinkTypeDefinition, ZObjectTypeDefinition, type ObjectTypeDefinitionInput } from '../model/definitions';
import type { OntologyCommand, PlannedChange } from '../ontology.commands';
import { decideOntology } from '../ontology.decide';
import type { BranchCreated, RecordedOntologyEvent } from '../ontology.events';
import { evolveOntology, initialOntologyState, type EntityState, type OntologyState } from '../ontology.state';
import { entityHistory } from '../entity-history';
import { diffOntologies } from './ontology-diff';
import { planMerge } from './three-way-merge';

interface Stream {
  state: OntologyState;
  events: RecordedOntologyEvent[];
}

function run(stream: Stream, command: OntologyCommand, actor = 'ada'): Stream {
  const decided = decideOntology(command, stream.state);
  let { state } = stream;
  const events = [...stream.events];
  for (const e of decided) {
    const recorded = { ...e, metadata: { sequenceNumber: state.seq + 1, actor, occurredAt: `2026-01-01T00:00:${String(state.seq + 1).padStart(2, '0')}Z` } } as RecordedOntologyEvent;
    state = evolveOntology(state, recorded);
    events.push(recorded);
  }
  return { state, events };
}

const apply = (...changes: PlannedChange[]): OntologyCommand => ({ type: 'ApplyChanges', data: { changes, acknowledgeBreakingChanges: true, origin: { kind: 'edit' } } });
const define = (id: string, input: ObjectTypeDefinitionInput): PlannedChange => ({ op: 'define', kind: 'objectType', id, definition: ZObjectTypeDefinition.parse(input) });
const update = (id: string, patch: Record<string, unknown>): PlannedChange => ({ op: 'update', kind: 'objectType', id, expectedSeq: null, patch });
const prop = (apiName: string, dataType: unknown = 'string', extra: Record<string, unknown> = {}) => ({ apiName, displayName: apiName, dataType, ...extra });

const ship = { apiName: 'Ship', displayName: 'Ship', properties: [prop('imo', 'string', { required: true }), prop('name')], primaryKey: 'imo' } as ObjectTypeDefinitionInput;
const port = { apiName: 'Port', displayName: 'Port', properties: [prop('code', 'string', { required: true })], primaryKey: 'code' } as ObjectTypeDefinitionInput;

/** main with Ship and Port (and whatever `more` defines), and a branch made from it. */
function forked(...more: PlannedChange[]) {
  let main: Stream = { state: initialOntologyState, events: [] };
  main = run(main, { type: 'CreateOntology', data: { ontologyId: 'fleet', displayName: 'Fleet', description: '' } });
  main = run(main, apply(define('ot_ship', ship), define('ot_port', port), ...more));
  const fromSeq = main.state.seq;
  main = run(main, { type: 'StartBranch', data: { branch: 'dev' } }, 'grace');
  const entities = ENTITY_KINDS.flatMap((kind) =>
    [...(main.state.entities[kind] as ReadonlyMap<string, EntityState>).values()].map((e) => ({ kind: e.kind, id: e.id, definition: e.definition, changedBy: e.changedBy, changedAt: e.changedAt })),
  );
  const created: BranchCreated['data'] = { ontologyId: 'fleet', branch: 'dev', fromBranch: 'main', fromSeq, entities };
  const branch = run({ state: initialOntologyState, events: [] }, { type: 'CreateBranch', data: created }, 'grace');
  return { main, branch, base: branch.state };
}

const merge = (f: { main: Stream; branch: Stream; base: OntologyState }, resolutions = [] as Parameters<typeof planMerge>[3]): OntologyCommand => ({
  type: 'MergeBranch',
  data: { proposalId: 'fleet:dev', branch: 'dev', base: f.base, head: f.branch.state, resolutions: resolutions ?? [] },
});

const objectType = (s: Stream, id: string) => s.state.entities.objectType.get(id)!;

describe('branches', () => {
  it('start as a copy of main and edit in isolation', () => {
    const f = forked();
    expect(f.branch.state.base).toEqual({ fromBranch: 'main', fromSeq: 3 });
    f.branch = run(f.branch, apply(update('ot_ship', { displayName: 'Vessel' })), 'grace');
    expect(objectType(f.branch, 'ot_ship').definition.displayName).toBe('Vessel');
    expect(objectType(f.main, 'ot_ship').definition.displayName).toBe('Ship');
  });

  it('diff against main per entity and per field, properties matched by name', () => {
    const f = forked();
    f.branch = run(f.branch, apply(update('ot_ship', { displayName: 'Vessel', properties: [...objectType(f.branch, 'ot_ship').definition.properties, ZObjectTypeDefinition.shape.properties.parse([prop('flag')])[0]] })));
    f.branch = run(f.branch, apply(define('ot_berth', { apiName: 'Berth', displayName: 'Berth' }), { op: 'delete', kind: 'objectType', id: 'ot_port', expectedSeq: null }));
    const diff = diffOntologies(f.main.state, f.branch.state);
    expect(diff.map((d) => [d.apiName, d.change])).toEqual([
      ['Berth', 'added'],
      ['Port', 'removed'],
      ['Ship', 'changed'],
    ]);
    expect(diff[2]!.fields.map((c) => [c.path, c.change])).toEqual([
      ['displayName', 'changed'],
      ['properties.flag', 'added'],
    ]);
  });
});

describe('merging a branch into main', () => {
  it('takes what only the branch changed and keeps what only main changed', () => {
    const f = forked();
    f.branch = run(f.branch, apply(update('ot_ship', { displayName: 'Vessel' })), 'grace');
    f.main = run(f.main, apply(update('ot_ship', { description: 'Anything that floats' })));
    const merged = run(f.main, merge(f), 'lin');
    const d = objectType(merged, 'ot_ship').definition;
    expect([d.displayName, d.description]).toEqual(['Vessel', 'Anything that floats']);
    expect(merged.events.at(-1)).toMatchObject({ type: 'BranchMerged', data: { branch: 'dev', proposalId: 'fleet:dev', changeCount: 1 } });
    expect(merged.events.at(-2)).toMatchObject({ type: 'ObjectTypeUpdated', data: { origin: { kind: 'merge', detail: 'fleet:dev' } } });
  });

  it('merges properties added on both sides item by item', () => {
    const f = forked();
    const withProp = (s: Stream, p: ReturnType<typeof prop>) => apply(update('ot_ship', { properties: [...objectType(s, 'ot_ship').definition.properties, p] }));
    f.branch = run(f.branch, withProp(f.branch, prop('flag')));
    f.main = run(f.main, withProp(f.main, prop('tonnage', 'double')));
    const merged = run(f.main, merge(f));
    expect(objectType(merged, 'ot_ship').definition.properties.map((p) => p.apiName)).toEqual(['imo', 'name', 'tonnage', 'flag']);
  });

  it('refuses to merge when both changed the same field, naming the conflict, until a side is chosen', () => {
    const f = forked();
    f.branch = run(f.branch, apply(update('ot_ship', { displayName: 'Vessel' })), 'grace');
    f.main = run(f.main, apply(update('ot_ship', { displayName: 'Boat' })));
    let caught: unknown;
    try {
      run(f.main, merge(f));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('ONTOLOGY.MERGE_CONFLICT');
    expect((caught as DomainError).message).toBe('Main changed something the branch also changed: object type Ship displayName. Choose a side for each to merge.');
    expect((caught as DomainError).context.conflicts).toEqual([{ kind: 'objectType', id: 'ot_ship', apiName: 'Ship', path: 'displayName', base: 'Ship', branch: 'Vessel', main: 'Boat' }]);

    const takeBranch = run(f.main, merge(f, [{ kind: 'objectType', id: 'ot_ship', path: 'displayName', take: 'branch' }]));
    expect(objectType(takeBranch, 'ot_ship').definition.displayName).toBe('Vessel');
    const takeMain = run(f.main, merge(f, [{ kind: 'objectType', id: 'ot_ship', path: 'displayName', take: 'main' }]));
    expect(objectType(takeMain, 'ot_ship').definition.displayName).toBe('Boat');
    expect(takeMain.events.at(-1)).toMatchObject({ type: 'BranchMerged', data: { changeCount: 0 } });
  });

  it('treats a delete on one side and an edit on the other as a conflict on the whole entity', () => {
    const f = forked();
    f.branch = run(f.branch, apply({ op: 'delete', kind: 'objectType', id: 'ot_port', expectedSeq: null }));
    f.main = run(f.main, apply(update('ot_port', { description: 'Harbours too' })));
    const plan = planMerge(f.base, f.branch.state, f.main.state);
    expect(plan.conflicts).toMatchObject([{ id: 'ot_port', path: '(entity)', branch: null, main: { description: 'Harbours too' } }]);
    const resolved = planMerge(f.base, f.branch.state, f.main.state, [{ kind: 'objectType', id: 'ot_port', path: '(entity)', take: 'branch' }]);
    expect(resolved).toEqual({ changes: [{ op: 'delete', kind: 'objectType', id: 'ot_port', expectedSeq: null }], conflicts: [] });
  });

  it('treats two new types with one apiName as a conflict', () => {
    const f = forked();
    f.branch = run(f.branch, apply(define('ot_b1', { apiName: 'Berth', displayName: 'Berth' })));
    f.main = run(f.main, apply(define('ot_m1', { apiName: 'Berth', displayName: 'Mooring' })));
    expect(planMerge(f.base, f.branch.state, f.main.state).conflicts).toMatchObject([{ id: 'ot_b1', path: '(entity)', main: { displayName: 'Mooring' } }]);
    const takeBranch = run(f.main, merge(f, [{ kind: 'objectType', id: 'ot_b1', path: '(entity)', take: 'branch' }]));
    expect([...takeBranch.state.entities.objectType.values()].filter((e) => !e.deleted).map((e) => e.id).sort()).toEqual(['ot_b1', 'ot_port', 'ot_ship']);
  });

  it('still validates the merged ontology as a whole', () => {
    const f = forked();
    f.branch = run(f.branch, apply({ op: 'define', kind: 'linkType', id: 'lt_1', definition: { apiName: 'calls', description: '', sourceObjectType: 'Ship', targetObjectType: 'Port', cardinality: 'many-to-many', forward: { apiName: 'ports', displayName: 'Ports', translations: {} }, reverse: { apiName: 'ships', displayName: 'Ships', translations: {} }, relationship: null, status: 'experimental', translations: {} } }));
    f.main = run(f.main, apply({ op: 'delete', kind: 'objectType', id: 'ot_port', expectedSeq: null }));
    expect(() => run(f.main, merge(f))).toThrow(expect.objectContaining({ code: 'ONTOLOGY.INVALID_CHANGE' }));
  });

  it('can not merge a branch twice, nor one that was abandoned', () => {
    const f = forked();
    f.branch = run(f.branch, apply(update('ot_ship', { displayName: 'Vessel' })), 'grace');
    const merged = run(f.main, merge(f));
    expect(merged.state.branches.get('dev')).toMatchObject({ status: 'merged', fromSeq: 3, createdBy: 'grace', closedBy: 'ada' });
    expect(() => run(merged, merge(f))).toThrow(expect.objectContaining({ code: 'ONTOLOGY.BRANCH_CLOSED' }));
    const abandoned = run(f.main, { type: 'AbandonBranch', data: { branch: 'dev' } });
    expect(() => run(abandoned, merge(f))).toThrow(expect.objectContaining({ code: 'ONTOLOGY.BRANCH_CLOSED' }));
    expect(() => run(f.main, { type: 'StartBranch', data: { branch: 'dev' } })).toThrow(expect.objectContaining({ code: 'ONTOLOGY.BRANCH_EXISTS' }));
  });

  it('closes the branch after the merge; a closed branch takes no edits', () => {
    const f = forked();
    const closed = run(f.branch, { type: 'CloseBranch', data: { reason: 'merged', proposalId: 'fleet:dev' } });
    expect(() => run(closed, apply(update('ot_ship', { displayName: 'X' })))).toThrow(expect.objectContaining({ code: 'ONTOLOGY.BRANCH_CLOSED' }));
  });
});

describe('entity history', () => {
  it('lists every version with who, when and a field diff, from the branch point on a branch', () => {
    const f = forked();
    f.branch = run(f.branch, apply(update('ot_ship', { displayName: 'Vessel' })), 'grace');
    f.branch = run(f.branch, apply({ op: 'delete', kind: 'objectType', id: 'ot_ship', expectedSeq: null }), 'lin');
    const history = entityHistory(f.branch.events, 'objectType', 'ot_ship');
    expect(history.map((v) => [v.version, v.change, v.actor])).toEqual([
      [1, 'branched', 'grace'],
      [2, 'updated', 'grace'],
      [3, 'deleted', 'lin'],
    ]);
    expect(history[1]!.fields).toEqual([{ path: 'displayName', change: 'changed', before: 'Ship', after: 'Vessel' }]);
  });
});

describe('a link type’s ends in other languages', () => {
  const callsAt = ZLinkTypeDefinition.parse({
    apiName: 'callsAt',
    sourceObjectType: 'Ship',
    targetObjectType: 'Port',
    cardinality: 'many-to-many',
    forward: { apiName: 'ports', displayName: 'Ports' },
    reverse: { apiName: 'ships', displayName: 'Ships' },
  });
  const updateLink = (patch: Record<string, unknown>): PlannedChange => ({ op: 'update', kind: 'linkType', id: 'lt_calls', expectedSeq: null, patch });
  const linkType = (s: Stream) => s.state.entities.linkType.get('lt_calls')!.definition;
  const named = (end: 'forward' | 'reverse', s: Stream, translations: Record<string, { displayName: string }>) =>
    updateLink({ [end]: { ...linkType(s)[end], translations } });

  it('diff and show in history per end, language and text', () => {
    const f = forked({ op: 'define', kind: 'linkType', id: 'lt_calls', definition: callsAt });
    f.branch = run(f.branch, apply(named('forward', f.branch, { ko: { displayName: '기항지' } })), 'grace');
    f.branch = run(f.branch, apply(named('forward', f.branch, { ko: { displayName: '기항 항구' } })), 'grace');
    expect(diffOntologies(f.main.state, f.branch.state).map((d) => [d.apiName, d.fields])).toEqual([
      ['callsAt', [{ path: 'forward.translations.ko', change: 'added', after: { displayName: '기항 항구' } }]],
    ]);
    const history = entityHistory(f.branch.events, 'linkType', 'lt_calls');
    expect(history.map((v) => [v.change, v.fields])).toEqual([
      ['branched', []],
      ['updated', [{ path: 'forward.translations.ko', change: 'added', after: { displayName: '기항지' } }]],
      ['updated', [{ path: 'forward.translations.ko.displayName', change: 'changed', before: '기항지', after: '기항 항구' }]],
    ]);
  });

  it('merge end by end and language by language: names given on both sides in different places don’t conflict', () => {
    const f = forked({ op: 'define', kind: 'linkType', id: 'lt_calls', definition: callsAt });
    f.branch = run(f.branch, apply(named('forward', f.branch, { ko: { displayName: '기항지' } })), 'grace');
    f.main = run(f.main, apply(updateLink({ forward: { ...linkType(f.main).forward, displayName: 'Ports of call', translations: { ja: { displayName: '寄港地' } } } })));
    const merged = run(f.main, merge(f));
    expect(linkType(merged).forward).toEqual({ apiName: 'ports', displayName: 'Ports of call', translations: { ja: { displayName: '寄港地' }, ko: { displayName: '기항지' } } });
  });

  it('a name both sides gave differently is a conflict on that text alone', () => {
    const f = forked({ op: 'define', kind: 'linkType', id: 'lt_calls', definition: callsAt });
    f.branch = run(f.branch, apply(named('forward', f.branch, { ko: { displayName: '기항지' }, ja: { displayName: '寄港地' } })), 'grace');
    f.main = run(f.main, apply(named('forward', f.main, { ko: { displayName: '항구' } })));
    expect(planMerge(f.base, f.branch.state, f.main.state).conflicts).toEqual([
      { kind: 'linkType', id: 'lt_calls', apiName: 'callsAt', path: 'forward.translations.ko.displayName', base: null, branch: '기항지', main: '항구' },
    ]);
    const takeMain = run(f.main, merge(f, [{ kind: 'linkType', id: 'lt_calls', path: 'forward.translations.ko.displayName', take: 'main' }]));
    expect(linkType(takeMain).forward.translations).toEqual({ ko: { displayName: '항구' }, ja: { displayName: '寄港地' } });
  });
});
