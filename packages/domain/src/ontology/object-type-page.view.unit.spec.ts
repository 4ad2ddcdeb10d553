import { describe, expect, it } from 'vitest';
import { definedEvent, deletedEvent, ontologyCreated, shipInput, stateAfter } from '../testing/ontology-spec';
import { richOntology } from './interchange/interchange.fixture';
import { objectTypePageView, type ObjectTypePageView } from './object-type-page.view';

const rich = richOntology();
const page = (id: string): ObjectTypePageView => objectTypePageView(rich, rich, id)!;
const names = (list: readonly { definition: { apiName: string } }[]) => list.map((e) => e.definition.apiName);
const link = (apiName: string, source: string, target: string) => ({
  apiName,
  sourceObjectType: source,
  targetObjectType: target,
  cardinality: 'many-to-many',
  forward: { apiName: `${apiName}To`, displayName: 'To' },
  reverse: { apiName: `${apiName}From`, displayName: 'From' },
});

describe('the object-type page view', () => {
  it('has the type, its link types with both ends named, and the interfaces it implements with the ones they extend', () => {
    const vessel = page('ot_3');
    expect([vessel.ontologyId, vessel.branch, vessel.closed, vessel.seq]).toEqual(['fleet', 'main', false, rich.seq]);
    expect(vessel.objectType).toMatchObject({ kind: 'objectType', id: 'ot_3', definition: { apiName: 'Vessel', implements: ['Asset'] } });
    expect(vessel.linkTypes.map((l) => [l.linkType.definition.apiName, l.source, l.target])).toEqual([
      ['captaincy', { id: 'ot_2', apiName: 'Employee', displayName: 'Employee' }, { id: 'ot_3', apiName: 'Vessel', displayName: 'Vessel' }],
      ['vesselOwnership', { id: 'ot_1', apiName: 'Company', displayName: 'Company' }, { id: 'ot_3', apiName: 'Vessel', displayName: 'Vessel' }],
    ]);
    expect(names(vessel.interfaces)).toEqual(['Asset', 'Locatable']);
    expect(vessel.interfaces[0]!.definition.links.map((l) => l.apiName)).toEqual(['owner']);
    expect(vessel.issues).toEqual([]);
  });

  it('has the shared property types and value types its properties use, once each', () => {
    expect(names(page('ot_1').sharedPropertyTypes)).toEqual(['countryCode', 'createdAt']);
    expect(page('ot_1').valueTypes).toEqual([]);
    expect(names(page('ot_2').valueTypes)).toEqual(['EmailAddress', 'Percentage']);
  });

  it('says what refers to the type: link ends, interface links and deprecations naming it as the replacement', () => {
    expect(page('ot_1').referencedBy).toEqual([
      { kind: 'linkType', id: 'lt_1', apiName: 'employment', via: 'source' },
      { kind: 'linkType', id: 'lt_3', apiName: 'vesselOwnership', via: 'source' },
      { kind: 'interface', id: 'if_2', apiName: 'Asset', via: 'link owner' },
    ]);
    expect(page('ot_2').referencedBy.map((r) => `${r.apiName} (${r.via})`)).toEqual([
      'captaincy (source)',
      'employment (target)',
      'projectAssignment (source)',
      'Contractor (deprecated; names it as the replacement)',
    ]);
  });

  it('offers every type (but deprecated ones as replacements), interface, shared and value type by name for the pickers', () => {
    const { choices } = page('ot_4');
    expect(choices.objectTypes).toEqual(['Company', 'Employee', 'Project', 'Vessel']);
    expect(choices.interfaces).toEqual([
      { id: 'if_2', apiName: 'Asset', displayName: 'Asset' },
      { id: 'if_1', apiName: 'Locatable', displayName: 'Locatable' },
    ]);
    expect(choices.sharedPropertyTypes.map((c) => c.apiName)).toEqual(['countryCode', 'createdAt']);
    expect(choices.valueTypes.map((c) => c.apiName)).toEqual(['EmailAddress', 'Percentage']);
  });

  it('lists a self-link once, names a missing end as null, and carries the rules’ issues about the type', () => {
    const state = stateAfter([
      ontologyCreated,
      definedEvent('objectType', 'ot_ship', { ...shipInput, primaryKey: 'hullNumber' }),
      definedEvent('linkType', 'lt_escorts', link('escorts', 'Ship', 'Ship')),
      definedEvent('linkType', 'lt_ghost', link('haunts', 'Ship', 'Ghost')),
    ]);
    const ship = objectTypePageView(state, state, 'ot_ship')!;
    expect(ship.linkTypes.map((l) => [l.linkType.definition.apiName, l.source?.apiName ?? null, l.target?.apiName ?? null])).toEqual([
      ['escorts', 'Ship', 'Ship'],
      ['haunts', 'Ship', null],
    ]);
    expect(ship.issues.map((i) => [i.id, i.path])).toEqual([['ot_ship', 'primaryKey']]);
  });

  it('is null for a type that does not exist or was deleted', () => {
    expect(objectTypePageView(rich, rich, 'ot_404')).toBeNull();
    const state = stateAfter([ontologyCreated, definedEvent('objectType', 'ot_ship', shipInput), deletedEvent('objectType', 'ot_ship', shipInput)]);
    expect(objectTypePageView(state, state, 'ot_ship')).toBeNull();
  });

  it('on a branch, names the branch and reads the types from it', () => {
    const main = stateAfter([ontologyCreated, definedEvent('objectType', 'ot_ship', shipInput)]);
    const branch = { ...main, branch: 'refit', base: { fromBranch: 'main', fromSeq: main.seq } };
    const onBranch = objectTypePageView(branch, main, 'ot_ship')!;
    expect([onBranch.branch, onBranch.objectType.definition.apiName]).toEqual(['refit', 'Ship']);
  });
});
