import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/errors';
import {
  applyChanges,
  definedEvent,
  defineChange,
  deletedEvent,
  ontologyCreated,
  ontologySpec as spec,
  portInput,
  shipInput,
  shippingBase,
  updateChange,
  type GivenEvent,
} from '../../testing/ontology-spec';

const CAMEL = 'must start with a lower-case letter and contain only letters and digits (camelCase, at most 100 characters)';

const callsAt = {
  apiName: 'callsAt',
  sourceObjectType: 'Ship',
  targetObjectType: 'Port',
  cardinality: 'many-to-many',
  forward: { apiName: 'ports', displayName: 'Ports called at' },
  reverse: { apiName: 'ships', displayName: 'Ships calling' },
};
const withCallsAt: GivenEvent[] = [...shippingBase, definedEvent('linkType', 'lt_calls', callsAt)];

/** Ships registered in a port: a port has many, a ship has one home port, held by Ship.homePortCode. */
const homePort = {
  apiName: 'homePort',
  sourceObjectType: 'Port',
  targetObjectType: 'Ship',
  cardinality: 'one-to-many',
  forward: { apiName: 'registeredShips', displayName: 'Registered ships' },
  reverse: { apiName: 'homePort', displayName: 'Home port' },
  relationship: { kind: 'foreignKey', objectType: 'Ship', property: 'homePortCode' },
};
const registeredShip = { ...shipInput, properties: [...shipInput.properties, { apiName: 'homePortCode', displayName: 'Home port', dataType: 'string' }] };
const registry: GivenEvent[] = [ontologyCreated, definedEvent('objectType', 'ot_ship', registeredShip), definedEvent('objectType', 'ot_port', portInput)];

function refuses(given: GivenEvent[], input: Record<string, unknown>, issues: FieldIssue[]) {
  spec
    .given(given)
    .when(applyChanges(defineChange('linkType', 'lt_new', input)))
    .thenThrows('ONTOLOGY.INVALID_LINK_TYPE', (e) => {
      expect(e.message).toBe('The link type is not valid');
      expect(e.issues).toEqual(issues);
    });
}
/** Updating callsAt (version 4 of withCallsAt) with `patch` is refused with exactly these issues. */
function refusesCallsAtUpdate(patch: Record<string, unknown>, issues: FieldIssue[]) {
  spec
    .given(withCallsAt)
    .when(applyChanges(updateChange('linkType', 'lt_calls', 4, patch)))
    .thenThrows('ONTOLOGY.INVALID_LINK_TYPE', (e) => expect(e.issues).toEqual(issues));
}
const accepts = (given: GivenEvent[], input: Record<string, unknown>) =>
  spec.given(given).when(applyChanges(defineChange('linkType', 'lt_new', input))).then([definedEvent('linkType', 'lt_new', input)]);

describe('link type names', () => {
  it('are camelCase, not reserved, and so are the names of both ends', () => {
    refuses(shippingBase, { ...callsAt, apiName: 'CallsAt' }, [{ path: 'apiName', rule: 'naming', message: CAMEL }]);
    refuses(shippingBase, { ...callsAt, apiName: 'links' }, [{ path: 'apiName', rule: 'reserved', message: '"links" is a reserved word' }]);
    refuses(shippingBase, { ...callsAt, forward: { apiName: 'Ports', displayName: 'Ports' }, reverse: { apiName: 'object', displayName: 'Ships' } }, [
      { path: 'forward.apiName', rule: 'naming', message: CAMEL },
      { path: 'reverse.apiName', rule: 'reserved', message: '"object" is a reserved word' },
    ]);
  });

  it('ends need display names', () => {
    refuses(shippingBase, { ...callsAt, reverse: { apiName: 'ships', displayName: ' ' } }, [{ path: 'reverse.displayName', rule: 'required', message: 'must not be empty' }]);
  });

  it('ends are named in other languages too, each end on its own; the link type’s own translations are its description', () => {
    accepts(shippingBase, {
      ...callsAt,
      forward: { ...callsAt.forward, translations: { ko: { displayName: '기항지' }, 'pt-BR': { displayName: 'Portos' } } },
      reverse: { ...callsAt.reverse, translations: { ko: { displayName: '기항 선박' } } },
      translations: { ko: { description: '선박이 들르는 항구' } },
    });
  });

  it('translated end names have language codes as keys, a display name that is not empty, and nothing else', () => {
    refusesCallsAtUpdate(
      {
        forward: { ...callsAt.forward, translations: { korean: { displayName: '기항지' }, ko: { displayName: '기항지', description: '항구' } } },
        reverse: { ...callsAt.reverse, translations: { ja: {} } },
      },
      [
        { path: 'forward.translations.korean', rule: 'invalid_key', message: 'must be a language code such as ko or pt-BR' },
        { path: 'forward.translations.ko', rule: 'unrecognized_keys', message: 'Unrecognized key: "description"' },
        { path: 'reverse.translations.ja.displayName', rule: 'invalid_type', message: 'Invalid input: expected string, received undefined' },
      ],
    );
    refuses(shippingBase, { ...callsAt, reverse: { ...callsAt.reverse, translations: { ko: { displayName: '  ' } } } }, [
      { path: 'reverse.translations.ko.displayName', rule: 'required', message: 'must not be empty' },
    ]);
  });

  it('a link type has no display name of its own to translate: its ends have them', () => {
    refusesCallsAtUpdate({ translations: { ko: { displayName: '기항' } } }, [{ path: 'translations.ko', rule: 'unrecognized_keys', message: 'Unrecognized key: "displayName"' }]);
  });

  it('are unique among link types whatever the case, but may equal other kinds’ names', () => {
    refuses(withCallsAt, { ...callsAt, apiName: 'CALLSAT', forward: { apiName: 'visited', displayName: 'Visited' }, reverse: { apiName: 'visitors', displayName: 'Visitors' } }, [
      { path: 'apiName', rule: 'naming', message: CAMEL },
      { path: 'apiName', rule: 'unique', message: 'link type "callsAt" already exists in this ontology' },
    ]);
    refuses(withCallsAt, { ...callsAt, apiName: 'callsat', forward: { apiName: 'visited', displayName: 'Visited' }, reverse: { apiName: 'visitors', displayName: 'Visitors' } }, [
      { path: 'apiName', rule: 'unique', message: 'link type "callsAt" already exists in this ontology' },
    ]);
    accepts(shippingBase, { ...callsAt, apiName: 'ship' });
  });
});

describe('link endpoints', () => {
  it('must be object types that exist', () => {
    refuses(shippingBase, { ...callsAt, sourceObjectType: 'Vessel', targetObjectType: 'Harbour' }, [
      { path: 'sourceObjectType', rule: 'reference', message: 'there is no object type "Vessel"' },
      { path: 'targetObjectType', rule: 'reference', message: 'there is no object type "Harbour"' },
    ]);
    refuses([...shippingBase, deletedEvent('objectType', 'ot_port', portInput)], callsAt, [
      { path: 'targetObjectType', rule: 'reference', message: 'there is no object type "Port"' },
    ]);
  });

  it('are found whatever the case', () => {
    accepts(shippingBase, { ...callsAt, sourceObjectType: 'SHIP', targetObjectType: 'port' });
  });
});

describe('link end names', () => {
  it('can’t be a property of the object type they belong to', () => {
    refuses(shippingBase, { ...callsAt, forward: { apiName: 'name', displayName: 'Name' }, reverse: { apiName: 'NAME', displayName: 'Name' } }, [
      { path: 'forward.apiName', rule: 'unique', message: '"name" is already a property of Ship' },
      { path: 'reverse.apiName', rule: 'naming', message: CAMEL },
      { path: 'reverse.apiName', rule: 'unique', message: '"NAME" is already a property of Port' },
    ]);
  });

  it('can’t be the name of another link on the same object type; both links are named', () => {
    const rival = { ...callsAt, apiName: 'visited', forward: { apiName: 'ports', displayName: 'Visited' }, reverse: { apiName: 'visitors', displayName: 'Visitors' } };
    refuses(withCallsAt, rival, [
      { path: 'linkType.callsAt.forward.apiName', rule: 'unique', message: 'Ship already has a link "ports" (link type visited)' },
      { path: 'forward.apiName', rule: 'unique', message: 'Ship already has a link "ports" (link type callsAt)' },
    ]);
    // The same name at the other object type is fine: ends are named per object type.
    accepts(withCallsAt, { ...rival, sourceObjectType: 'Port', targetObjectType: 'Ship', reverse: { apiName: 'harbours', displayName: 'Harbours' } });
  });

  it('of a link from a type to itself must differ', () => {
    const escorts = { apiName: 'escorts', sourceObjectType: 'Ship', targetObjectType: 'Ship', cardinality: 'one-to-many', forward: { apiName: 'escort', displayName: 'Escorts' }, reverse: { apiName: 'escort', displayName: 'Escorted by' } };
    refuses(shippingBase, escorts, [
      { path: 'forward.apiName', rule: 'unique', message: 'Ship already has a link "escort" (link type escorts)' },
      { path: 'reverse.apiName', rule: 'unique', message: 'Ship already has a link "escort" (link type escorts)' },
    ]);
    accepts(shippingBase, { ...escorts, reverse: { apiName: 'escortedBy', displayName: 'Escorted by' } });
  });

  it('block a new property of the same name on the object type', () => {
    spec
      .given(withCallsAt)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { properties: [...shipInput.properties, { apiName: 'ports', displayName: 'Ports', dataType: 'string' }] })))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'linkType.callsAt.forward.apiName', rule: 'unique', message: '"ports" is already a property of Ship' }]),
      );
  });
});

describe('relationship spec', () => {
  it('a many-to-many link takes a join table, not a foreign key', () => {
    refuses(registry, { ...callsAt, relationship: { kind: 'foreignKey', objectType: 'Ship', property: 'homePortCode' } }, [
      { path: 'relationship.kind', rule: 'relationship', message: 'a many-to-many link needs a join table, not a foreign key' },
    ]);
    accepts(registry, { ...callsAt, relationship: { kind: 'joinTable', sourceColumn: 'imo', targetColumn: 'port_code' } });
    accepts(registry, callsAt);
  });

  it('a one-to-many foreign key is on the "many" side, the target', () => {
    accepts(registry, homePort);
    refuses(registry, { ...homePort, relationship: { kind: 'foreignKey', objectType: 'Port', property: 'code' } }, [
      { path: 'relationship.objectType', rule: 'relationship', message: 'in a one-to-many link the foreign key is on the "many" side, Ship' },
    ]);
  });

  it('a foreign key is on one of the two object types', () => {
    refuses(registry, { ...homePort, relationship: { kind: 'foreignKey', objectType: 'Berth', property: 'x' } }, [
      { path: 'relationship.objectType', rule: 'relationship', message: 'the foreign key must be on Port or Ship' },
    ]);
  });

  it('a one-to-one foreign key may be on either side', () => {
    const flagship = { ...homePort, apiName: 'flagship', cardinality: 'one-to-one', forward: { apiName: 'flagship', displayName: 'Flagship' }, reverse: { apiName: 'flagshipOf', displayName: 'Flagship of' } };
    accepts(registry, flagship);
    const portWithFlagship = { ...portInput, properties: [...portInput.properties, { apiName: 'flagshipImo', displayName: 'Flagship', dataType: 'string' }] };
    accepts([ontologyCreated, definedEvent('objectType', 'ot_ship', registeredShip), definedEvent('objectType', 'ot_port', portWithFlagship)], {
      ...flagship,
      relationship: { kind: 'foreignKey', objectType: 'Port', property: 'flagshipImo' },
    });
  });

  it('the foreign key is a property of its object type, typed like the other side’s primary key', () => {
    refuses(registry, { ...homePort, relationship: { kind: 'foreignKey', objectType: 'Ship', property: 'portCode' } }, [
      { path: 'relationship.property', rule: 'reference', message: '"portCode" is not a property of Ship' },
    ]);
    const intKeyed = { ...registeredShip, properties: registeredShip.properties.map((p) => (p.apiName === 'homePortCode' ? { ...p, dataType: 'integer' } : p)) };
    refuses([ontologyCreated, definedEvent('objectType', 'ot_ship', intKeyed), definedEvent('objectType', 'ot_port', portInput)], homePort, [
      { path: 'relationship.property', rule: 'relationship', message: '"homePortCode" is integer but the primary key of Port is string' },
    ]);
    refuses([ontologyCreated, definedEvent('objectType', 'ot_ship', registeredShip), definedEvent('objectType', 'ot_port', { ...portInput, primaryKey: null })], homePort, [
      { path: 'relationship.property', rule: 'relationship', message: 'Port has no primary key for "homePortCode" to refer to' },
    ]);
  });

  it('keeps holding when the object types change', () => {
    spec
      .given([...registry, definedEvent('linkType', 'lt_home', homePort)])
      .when(
        applyChanges(
          updateChange('objectType', 'ot_ship', 2, { properties: registeredShip.properties.map((p) => (p.apiName === 'homePortCode' ? { ...p, dataType: 'integer' } : p)) }),
          { acknowledgeBreakingChanges: true },
        ),
      )
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'linkType.homePort.relationship.property', rule: 'relationship', message: '"homePortCode" is integer but the primary key of Port is string' }]),
      );
  });
});

describe('link type schema', () => {
  it('names the cardinalities it takes', () => {
    spec
      .given(withCallsAt)
      .when(applyChanges(updateChange('linkType', 'lt_calls', 4, { cardinality: 'many-to-one' })))
      .thenThrows('ONTOLOGY.INVALID_LINK_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'cardinality', rule: 'invalid_value', message: 'Invalid option: expected one of "one-to-one"|"one-to-many"|"many-to-many"' }]),
      );
  });
});
