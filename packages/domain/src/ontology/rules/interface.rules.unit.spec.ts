import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/errors';
import {
  applyChanges,
  definedEvent,
  defineChange,
  deleteChange,
  ontologySpec as spec,
  portInput,
  shipInput,
  shippingBase,
  updateChange,
  updatedEvent,
  type GivenEvent,
} from '../../testing/ontology-spec';

const PASCAL = 'must start with an upper-case letter and contain only letters and digits (PascalCase, at most 100 characters)';
const CAMEL = 'must start with a lower-case letter and contain only letters and digits (camelCase, at most 100 characters)';

const iface = (apiName: string, extra: Record<string, unknown> = {}) => ({ apiName, displayName: apiName, ...extra });
const nameProperty = { apiName: 'name', dataType: 'string' };
const named = iface('Named', { properties: [nameProperty] });
/** Something that calls at many ports, and may have a position. */
const calling = iface('Calling', {
  properties: [{ apiName: 'position', dataType: 'geopoint', required: false }],
  links: [{ apiName: 'ports', target: { kind: 'objectType', apiName: 'Port' }, many: true }],
});
const callsAt = {
  apiName: 'callsAt',
  sourceObjectType: 'Ship',
  targetObjectType: 'Port',
  cardinality: 'many-to-many',
  forward: { apiName: 'ports', displayName: 'Ports' },
  reverse: { apiName: 'ships', displayName: 'Ships' },
};

const withNamed: GivenEvent[] = [...shippingBase, definedEvent('interface', 'if_named', named)];

function refusesInterface(given: GivenEvent[], input: Record<string, unknown>, issues: FieldIssue[]) {
  spec
    .given(given)
    .when(applyChanges(defineChange('interface', 'if_new', input)))
    .thenThrows('ONTOLOGY.INVALID_INTERFACE', (e) => {
      expect(e.message).toBe('The interface is not valid');
      expect(e.issues).toEqual(issues);
    });
}
const acceptsInterface = (given: GivenEvent[], input: Record<string, unknown>) =>
  spec.given(given).when(applyChanges(defineChange('interface', 'if_new', input))).then([definedEvent('interface', 'if_new', input)]);

/** Ship (version 2) made to implement `names`, with `patch`: refused with exactly these issues. */
function refusesImplementing(given: GivenEvent[], names: string[], issues: FieldIssue[], patch: Record<string, unknown> = {}) {
  spec
    .given(given)
    .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { implements: names, ...patch }), { acknowledgeBreakingChanges: true }))
    .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) => expect(e.issues).toEqual(issues));
}
const acceptsImplementing = (given: GivenEvent[], names: string[]) =>
  spec
    .given(given)
    .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { implements: names })))
    .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, implements: names })]);

describe('interface names', () => {
  it('are PascalCase and not reserved', () => {
    refusesInterface(shippingBase, iface('named'), [{ path: 'apiName', rule: 'naming', message: PASCAL }]);
    refusesInterface(shippingBase, iface('Interface'), [{ path: 'apiName', rule: 'reserved', message: '"Interface" is a reserved word' }]);
  });

  it('need a display name', () => {
    refusesInterface(shippingBase, { apiName: 'Named', displayName: '' }, [{ path: 'displayName', rule: 'required', message: 'must not be empty' }]);
  });

  it('share one namespace with object types', () => {
    refusesInterface(shippingBase, iface('SHIP'), [{ path: 'apiName', rule: 'unique', message: 'object type "Ship" already exists in this ontology' }]);
    refusesInterface(withNamed, iface('named'.replace('n', 'N').toUpperCase()), [{ path: 'apiName', rule: 'unique', message: 'interface "Named" already exists in this ontology' }]);
  });

  it('of properties and links are camelCase and unique within the interface', () => {
    refusesInterface(
      shippingBase,
      iface('Calling', {
        properties: [
          { apiName: 'name', dataType: 'string' },
          { apiName: 'Name', dataType: 'string' },
          { apiName: 'id', dataType: 'string' },
        ],
        links: [
          { apiName: 'ports', target: { kind: 'objectType', apiName: 'Port' }, many: true },
          { apiName: 'ports', target: { kind: 'objectType', apiName: 'Port' }, many: false },
          { apiName: 'Berths', target: { kind: 'objectType', apiName: 'Port' }, many: false },
        ],
      }),
      [
        { path: 'properties.1.apiName', rule: 'unique', message: 'duplicates property "name" (properties.0.apiName)' },
        { path: 'properties.1.apiName', rule: 'naming', message: CAMEL },
        { path: 'properties.2.apiName', rule: 'reserved', message: '"id" is a reserved word' },
        { path: 'links.1.apiName', rule: 'unique', message: 'duplicates link "ports" (links.0.apiName)' },
        { path: 'links.2.apiName', rule: 'naming', message: CAMEL },
      ],
    );
  });
});

describe('interface links', () => {
  it('lead to an object type or interface that exists', () => {
    refusesInterface(
      shippingBase,
      iface('Calling', {
        links: [
          { apiName: 'berths', target: { kind: 'objectType', apiName: 'Berth' }, many: true },
          { apiName: 'harbours', target: { kind: 'interface', apiName: 'Harbour' }, many: true },
          { apiName: 'ports', target: { kind: 'interface', apiName: 'Port' }, many: true },
        ],
      }),
      [
        { path: 'links.0.target', rule: 'reference', message: 'there is no object type "Berth"' },
        { path: 'links.1.target', rule: 'reference', message: 'there is no interface "Harbour"' },
        { path: 'links.2.target', rule: 'reference', message: 'there is no interface "Port"' },
      ],
    );
    acceptsInterface(shippingBase, calling);
  });
});

describe('extends', () => {
  it('names interfaces that exist', () => {
    refusesInterface(withNamed, iface('Labelled', { extends: ['Named', 'Titled'] }), [{ path: 'extends.1', rule: 'reference', message: 'there is no interface "Titled"' }]);
    refusesInterface(shippingBase, iface('Shiplike', { extends: ['Ship'] }), [{ path: 'extends.0', rule: 'reference', message: 'there is no interface "Ship"' }]);
  });

  it('has no cycles', () => {
    spec
      .given(withNamed)
      .when(applyChanges(updateChange('interface', 'if_named', 4, { extends: ['Named'] })))
      .thenThrows('ONTOLOGY.INVALID_INTERFACE', (e) => expect(e.issues).toEqual([{ path: 'extends.0', rule: 'cycle', message: "an interface can't extend itself" }]));
    const labelled = definedEvent('interface', 'if_labelled', iface('Labelled', { extends: ['Named'] }));
    const titled = definedEvent('interface', 'if_titled', iface('Titled', { extends: ['Labelled'] }));
    spec
      .given([...withNamed, labelled, titled])
      .when(applyChanges(updateChange('interface', 'if_named', 4, { extends: ['Titled'] })))
      .thenThrows('ONTOLOGY.INVALID_INTERFACE', (e) =>
        expect(e.issues).toEqual([
          { path: 'extends.0', rule: 'cycle', message: "Titled already extends Named: interfaces can't extend each other in a cycle" },
          { path: 'interface.Labelled.extends.0', rule: 'cycle', message: "Named already extends Labelled: interfaces can't extend each other in a cycle" },
          { path: 'interface.Titled.extends.0', rule: 'cycle', message: "Labelled already extends Titled: interfaces can't extend each other in a cycle" },
        ]),
      );
  });

  it('can’t redeclare an inherited property with another type, however far up it is declared', () => {
    refusesInterface(withNamed, iface('Labelled', { extends: ['Named'], properties: [{ apiName: 'name', dataType: 'integer' }] }), [
      { path: 'properties.0.dataType', rule: 'interface', message: 'Named declares "name" as string; this interface says integer' },
    ]);
    const labelled = definedEvent('interface', 'if_labelled', iface('Labelled', { extends: ['Named'] }));
    refusesInterface([...withNamed, labelled], iface('Titled', { extends: ['Labelled'], properties: [{ apiName: 'name', dataType: 'integer' }] }), [
      { path: 'properties.0.dataType', rule: 'interface', message: 'Named declares "name" as string; this interface says integer' },
    ]);
    acceptsInterface(withNamed, iface('Labelled', { extends: ['Named'], properties: [{ apiName: 'name', dataType: 'string' }] }));
  });

  it('can’t join two interfaces that disagree on a property’s type', () => {
    const coded = definedEvent('interface', 'if_coded', iface('Coded', { properties: [{ apiName: 'name', dataType: 'long' }] }));
    refusesInterface([...withNamed, coded], iface('Registered', { extends: ['Named', 'Coded'] }), [
      { path: 'extends', rule: 'interface', message: 'Named declares "name" as string but Coded as long' },
    ]);
  });
});

describe('implementing an interface', () => {
  it('needs every required property, with the same type', () => {
    acceptsImplementing(withNamed, ['Named']);
    const unnamed = { properties: [shipInput.properties[0], shipInput.properties[2]], titleKey: null };
    refusesImplementing(withNamed, ['Named'], [{ path: 'properties', rule: 'interface', message: 'implements Named: needs a property "name" of type string' }], unnamed);
    const numbered = { properties: shipInput.properties.map((p) => (p.apiName === 'name' ? { ...p, dataType: 'integer' } : p)) };
    refusesImplementing(withNamed, ['Named'], [{ path: 'properties', rule: 'interface', message: 'implements Named: property "name" must be string; it is integer' }], numbered);
  });

  it('needs every required link, to the right target and with the right cardinality; optional properties may be missing', () => {
    const withCalling = [...shippingBase, definedEvent('interface', 'if_calling', calling)];
    refusesImplementing(withCalling, ['Calling'], [{ path: 'links', rule: 'interface', message: 'implements Calling: needs a link "ports" to object type Port' }]);
    acceptsImplementing([...withCalling, definedEvent('linkType', 'lt_calls', callsAt)], ['Calling']);

    const toShips = { ...callsAt, targetObjectType: 'Ship', reverse: { apiName: 'calledBy', displayName: 'Called by' } };
    refusesImplementing([...withCalling, definedEvent('linkType', 'lt_calls', toShips)], ['Calling'], [
      { path: 'links', rule: 'interface', message: 'implements Calling: link "ports" must lead to object type Port; it leads to Ship' },
    ]);
    const toOne = { ...callsAt, cardinality: 'one-to-one' };
    refusesImplementing([...withCalling, definedEvent('linkType', 'lt_calls', toOne)], ['Calling'], [
      { path: 'links', rule: 'interface', message: 'implements Calling: link "ports" must lead to many objects; it leads to one' },
    ]);
    const singular = iface('Calling', { links: [{ apiName: 'ports', target: { kind: 'objectType', apiName: 'Port' }, many: false }] });
    refusesImplementing([...shippingBase, definedEvent('interface', 'if_calling', singular), definedEvent('linkType', 'lt_calls', callsAt)], ['Calling'], [
      { path: 'links', rule: 'interface', message: 'implements Calling: link "ports" must lead to one object; it leads to many' },
    ]);
  });

  it('a link to an interface must lead to one of its implementers', () => {
    const harbour = definedEvent('interface', 'if_harbour', iface('Harbour'));
    const docking = definedEvent('interface', 'if_docking', iface('Docking', { links: [{ apiName: 'ports', target: { kind: 'interface', apiName: 'Harbour' }, many: true }] }));
    const given = [...shippingBase, harbour, docking, definedEvent('linkType', 'lt_calls', callsAt)];
    refusesImplementing(given, ['Docking'], [{ path: 'links', rule: 'interface', message: 'implements Docking: link "ports" must lead to an implementer of Harbour; it leads to Port' }]);
    const portIsHarbour = updatedEvent('objectType', 'ot_port', { ...portInput, implements: ['Harbour'] });
    spec
      .given([...given, portIsHarbour])
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { implements: ['Docking'] })))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, implements: ['Docking'] })]);
  });

  it('includes what the interface extends', () => {
    const labelled = definedEvent('interface', 'if_labelled', iface('Labelled', { extends: ['Named'], properties: [{ apiName: 'label', dataType: 'string', required: false }] }));
    const unnamed = { properties: [shipInput.properties[0]], titleKey: null };
    refusesImplementing([...withNamed, labelled], ['Labelled'], [{ path: 'properties', rule: 'interface', message: 'implements Named: needs a property "name" of type string' }], unnamed);
  });

  it('is checked again whenever the interface or the links change', () => {
    const shipIsNamed = updatedEvent('objectType', 'ot_ship', { ...shipInput, implements: ['Named'] });
    const withFlag = { properties: [nameProperty, { apiName: 'flag', dataType: 'string' }] };
    spec
      .given([...withNamed, shipIsNamed])
      .when(applyChanges(updateChange('interface', 'if_named', 4, withFlag), { acknowledgeBreakingChanges: true }))
      .thenThrows('ONTOLOGY.INVALID_INTERFACE', (e) =>
        expect(e.issues).toEqual([{ path: 'objectType.Ship.properties', rule: 'interface', message: 'implements Named: needs a property "flag" of type string' }]),
      );

    const shipCalls = updatedEvent('objectType', 'ot_ship', { ...shipInput, implements: ['Calling'] });
    const given = [...shippingBase, definedEvent('interface', 'if_calling', calling), definedEvent('linkType', 'lt_calls', callsAt), shipCalls];
    spec
      .given(given)
      .when(applyChanges(deleteChange('linkType', 'lt_calls', 5)))
      .thenThrows('ONTOLOGY.INVALID_LINK_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'objectType.Ship.links', rule: 'interface', message: 'implements Calling: needs a link "ports" to object type Port' }]),
      );
    spec
      .given(given)
      .when(applyChanges(updateChange('linkType', 'lt_calls', 5, { cardinality: 'one-to-one' }), { acknowledgeBreakingChanges: true }))
      .thenThrows('ONTOLOGY.INVALID_LINK_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'objectType.Ship.links', rule: 'interface', message: 'implements Calling: link "ports" must lead to many objects; it leads to one' }]),
      );
  });
});
