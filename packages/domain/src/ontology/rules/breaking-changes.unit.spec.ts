import { describe, expect, it } from 'vitest';
import { applyChanges, definedEvent, definition, ontologySpec as spec, shipInput, shippingBase, updateChange, updatedEvent } from '../../testing/ontology-spec';
import { breakingChanges } from './breaking-changes';

const ship = (patch: Record<string, unknown> = {}) => definition('objectType', { ...shipInput, ...patch });
const withProperty = (name: string, patch: Record<string, unknown>) => ship({ properties: shipInput.properties.map((p) => (p.apiName === name ? { ...p, ...patch } : p)) });
const tonnage = (patch: Record<string, unknown>) => withProperty('tonnage', patch);
const shipBreaks = (after: ReturnType<typeof ship>, before = ship()) => breakingChanges('objectType', before, after);

describe('breaking changes of an object type', () => {
  it('removing a property', () => {
    expect(shipBreaks(ship({ properties: shipInput.properties.filter((p) => p.apiName !== 'tonnage') }))).toEqual(['removes the property "tonnage"']);
  });

  it('narrowing a property’s type, but not widening it', () => {
    expect(shipBreaks(tonnage({ dataType: 'integer' }))).toEqual(['narrows property "tonnage" from double to integer']);
    expect(shipBreaks(tonnage({ dataType: 'integer' }), tonnage({ dataType: 'long' }))).toEqual(['narrows property "tonnage" from long to integer']);
    expect(shipBreaks(tonnage({ dataType: 'long' }), tonnage({ dataType: 'integer' }))).toEqual([]);
    expect(shipBreaks(tonnage({ dataType: 'string' }))).toEqual([]);
  });

  it('making a property required or unique', () => {
    expect(shipBreaks(tonnage({ required: true, unique: true }))).toEqual(['makes the property "tonnage" required', 'makes the property "tonnage" unique']);
    expect(shipBreaks(tonnage({ required: false }), tonnage({ required: true }))).toEqual([]);
  });

  it('adding a required property without a default, but not with one or an optional one', () => {
    const added = (extra: Record<string, unknown>) => ship({ properties: [...shipInput.properties, { apiName: 'flag', displayName: 'Flag', dataType: 'string', ...extra }] });
    expect(shipBreaks(added({ required: true }))).toEqual(['adds the required property "flag" without a default']);
    expect(shipBreaks(added({ required: true, default: 'KR' }))).toEqual([]);
    expect(shipBreaks(added({}))).toEqual([]);
  });

  it('tightening a property’s constraints, but not loosening them', () => {
    const tight = ['tightens the constraints of property "tonnage"'];
    expect(shipBreaks(tonnage({ constraints: { min: 0 } }))).toEqual(tight);
    expect(shipBreaks(tonnage({ constraints: { min: 1 } }), tonnage({ constraints: { min: 0 } }))).toEqual(tight);
    expect(shipBreaks(tonnage({ constraints: { max: 9 } }), tonnage({ constraints: { max: 10 } }))).toEqual(tight);
    expect(shipBreaks(tonnage({ constraints: { min: 0 } }), tonnage({ constraints: { min: 1 } }))).toEqual([]);
    expect(shipBreaks(tonnage({ constraints: {} }), tonnage({ constraints: { min: 1, max: 2 } }))).toEqual([]);

    const name = (constraints: Record<string, unknown>) => withProperty('name', { constraints });
    const nameTight = ['tightens the constraints of property "name"'];
    expect(shipBreaks(name({ minLength: 2 }), name({ minLength: 1 }))).toEqual(nameTight);
    expect(shipBreaks(name({ maxLength: 10 }), name({ maxLength: 20 }))).toEqual(nameTight);
    expect(shipBreaks(name({ pattern: '^[A-Z]' }), name({ pattern: '^[A-Za-z]' }))).toEqual(nameTight);
    expect(shipBreaks(name({ enumValues: ['a'] }), name({ enumValues: ['a', 'b'] }))).toEqual(nameTight);
    expect(shipBreaks(name({ enumValues: ['a', 'b', 'c'] }), name({ enumValues: ['a', 'b'] }))).toEqual([]);
    expect(shipBreaks(name({ maxLength: 30 }), name({ maxLength: 20, pattern: '^x' }))).toEqual([]);
  });

  it('changing the primary key', () => {
    const mmsi = { apiName: 'mmsi', displayName: 'MMSI', dataType: 'long', required: true };
    const withMmsi = [...shipInput.properties, mmsi];
    expect(shipBreaks(ship({ properties: withMmsi, primaryKey: 'mmsi' }), ship({ properties: withMmsi }))).toEqual(['changes the primary key from imo to mmsi']);
    expect(shipBreaks(ship({ primaryKey: null }))).toEqual(['changes the primary key from imo to (none)']);
    expect(shipBreaks(ship(), ship({ primaryKey: null }))).toEqual(['changes the primary key from (none) to imo']);
  });

  it('renaming it', () => {
    expect(shipBreaks(ship({ apiName: 'Vessel' }))).toEqual(['renames Ship to Vessel']);
  });

  it('nothing for display texts, groups, colours or descriptions', () => {
    expect(shipBreaks(ship({ displayName: 'Vessel', description: 'x', color: '#112233', groups: ['fleet'], translations: { ko: { displayName: '선박' } } }))).toEqual([]);
  });
});

describe('breaking changes of a link type', () => {
  const callsAt = {
    apiName: 'callsAt',
    sourceObjectType: 'Ship',
    targetObjectType: 'Port',
    cardinality: 'many-to-many',
    forward: { apiName: 'ports', displayName: 'Ports' },
    reverse: { apiName: 'ships', displayName: 'Ships' },
  };
  const link = (patch: Record<string, unknown>) => definition('linkType', { ...callsAt, ...patch });
  const linkBreaks = (before: Record<string, unknown>, after: Record<string, unknown>) => breakingChanges('linkType', link(before), link(after));

  it('narrowing its cardinality, but not widening it', () => {
    expect(linkBreaks({}, { cardinality: 'one-to-many' })).toEqual(['narrows the cardinality from many-to-many to one-to-many']);
    expect(linkBreaks({ cardinality: 'one-to-many' }, { cardinality: 'one-to-one' })).toEqual(['narrows the cardinality from one-to-many to one-to-one']);
    expect(linkBreaks({}, { cardinality: 'one-to-one' })).toEqual(['narrows the cardinality from many-to-many to one-to-one']);
    expect(linkBreaks({ cardinality: 'one-to-one' }, { cardinality: 'one-to-many' })).toEqual([]);
    expect(linkBreaks({ cardinality: 'one-to-many' }, {})).toEqual([]);
  });

  it('renaming its ends, but not their display names', () => {
    expect(linkBreaks({}, { forward: { apiName: 'portsOfCall', displayName: 'Ports' }, reverse: { apiName: 'visitors', displayName: 'Ships' } })).toEqual([
      'renames the link end "ports" to "portsOfCall"',
      'renames the link end "ships" to "visitors"',
    ]);
    expect(linkBreaks({}, { forward: { apiName: 'ports', displayName: 'Ports of call' } })).toEqual([]);
  });

  it('moving it to other object types, or renaming it', () => {
    expect(linkBreaks({}, { targetObjectType: 'Berth' })).toEqual(['moves the link from Ship → Port to Ship → Berth']);
    expect(linkBreaks({}, { apiName: 'visits' })).toEqual(['renames callsAt to visits']);
  });
});

describe('breaking changes of shared property types, value types and interfaces', () => {
  it('narrowing the type or tightening the constraints of a shared property type or value type', () => {
    const spt = (patch: Record<string, unknown>) => definition('sharedPropertyType', { apiName: 'headCount', displayName: 'Head count', dataType: 'long', ...patch });
    expect(breakingChanges('sharedPropertyType', spt({}), spt({ dataType: 'integer', constraints: { min: 0 } }))).toEqual([
      'narrows its type from long to integer',
      'tightens the constraints of its values',
    ]);
    const vt = (patch: Record<string, unknown>) => definition('valueType', { apiName: 'Tonnes', displayName: 'Tonnes', baseType: 'double', ...patch });
    expect(breakingChanges('valueType', vt({}), vt({ baseType: 'long', constraints: { max: 10 } }))).toEqual([
      'narrows its base type from double to long',
      'tightens the constraints of its values',
    ]);
    expect(breakingChanges('valueType', vt({ baseType: 'integer' }), vt({}))).toEqual([]);
  });

  it('requiring a new property or link of every implementer, but not an optional one', () => {
    const iface = (patch: Record<string, unknown>) => definition('interface', { apiName: 'Named', displayName: 'Named', ...patch });
    expect(
      breakingChanges(
        'interface',
        iface({}),
        iface({
          properties: [
            { apiName: 'name', dataType: 'string' },
            { apiName: 'alias', dataType: 'string', required: false },
          ],
          links: [{ apiName: 'port', target: { kind: 'objectType', apiName: 'Port' }, many: false }],
        }),
      ),
    ).toEqual(['requires a new property "name" of every implementer', 'requires a new link "port" of every implementer']);
  });
});

describe('the decider and breaking changes', () => {
  it('refuses a breaking change until it is confirmed, listing each, then records them on the event', () => {
    const narrowed = { properties: shipInput.properties.map((p) => (p.apiName === 'tonnage' ? { ...p, dataType: 'integer', required: true } : p)) };
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, narrowed)))
      .thenThrows('ONTOLOGY.BREAKING_CHANGE', (e) => {
        expect(e.message).toBe(
          'This change breaks existing data or clients: narrows property "tonnage" from double to integer; makes the property "tonnage" required. Confirm to apply it anyway.',
        );
        expect(e.context).toEqual({ breakingChanges: ['narrows property "tonnage" from double to integer', 'makes the property "tonnage" required'] });
      });
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, narrowed), { acknowledgeBreakingChanges: true }))
      .then([
        updatedEvent('objectType', 'ot_ship', { ...shipInput, ...narrowed }, ['narrows property "tonnage" from double to integer', 'makes the property "tonnage" required']),
      ]);
  });

  it('takes a change that breaks nothing without confirmation, and records no breaking changes', () => {
    const widened = { properties: shipInput.properties.map((p) => (p.apiName === 'tonnage' ? { ...p, dataType: 'string' } : p)) };
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, widened)))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, ...widened })]);
  });

  it('reports an invalid change as invalid before asking to confirm what it breaks', () => {
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { apiName: 'vessel' })))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE');
  });

  it('confirms breaking changes of link types and interfaces the same way', () => {
    const callsAt = {
      apiName: 'callsAt',
      sourceObjectType: 'Ship',
      targetObjectType: 'Port',
      cardinality: 'many-to-many',
      forward: { apiName: 'ports', displayName: 'Ports' },
      reverse: { apiName: 'ships', displayName: 'Ships' },
    };
    const given = [...shippingBase, definedEvent('linkType', 'lt_calls', callsAt), definedEvent('interface', 'if_named', { apiName: 'Named', displayName: 'Named' })];
    spec
      .given(given)
      .when(applyChanges(updateChange('linkType', 'lt_calls', 4, { cardinality: 'one-to-many' })))
      .thenThrows('ONTOLOGY.BREAKING_CHANGE', (e) => expect(e.context).toEqual({ breakingChanges: ['narrows the cardinality from many-to-many to one-to-many'] }));
    spec
      .given(given)
      .when(applyChanges(updateChange('interface', 'if_named', 5, { properties: [{ apiName: 'name', dataType: 'string' }] })))
      .thenThrows('ONTOLOGY.BREAKING_CHANGE', (e) => expect(e.context).toEqual({ breakingChanges: ['requires a new property "name" of every implementer'] }));
  });
});
