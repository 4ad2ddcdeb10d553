import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  definedEvent,
  defineChange,
  deleteChange,
  deletedEvent,
  ontologySpec as spec,
  portInput,
  shipInput,
  shippingBase,
  updateChange,
  updatedEvent,
  type GivenEvent,
} from '../testing/ontology-spec';
import type { PlannedChange } from './ontology.commands';

/** Deleting or renaming with `changes` is refused with exactly this message and list of references. */
function refused(given: GivenEvent[], changes: PlannedChange | PlannedChange[], message: string, references: string[]) {
  spec
    .given(given)
    .when(applyChanges(changes, { acknowledgeBreakingChanges: true }))
    .thenThrows('ONTOLOGY.REFERENCED', (e) => {
      expect(e.kind).toBe('precondition');
      expect(e.message).toBe(message);
      expect(e.context).toEqual({ references });
    });
}

const callsAt = {
  apiName: 'callsAt',
  sourceObjectType: 'Ship',
  targetObjectType: 'Port',
  cardinality: 'many-to-many',
  forward: { apiName: 'ports', displayName: 'Ports' },
  reverse: { apiName: 'ships', displayName: 'Ships' },
};
const escorts = { ...callsAt, apiName: 'escorts', targetObjectType: 'Ship', forward: { apiName: 'escorts', displayName: 'Escorts' }, reverse: { apiName: 'escortedBy', displayName: 'Escorted by' } };
const named = { apiName: 'Named', displayName: 'Named', properties: [{ apiName: 'name', dataType: 'string' }] };
const docking = { apiName: 'Docking', displayName: 'Docking', links: [{ apiName: 'berth', target: { kind: 'objectType', apiName: 'Port' }, many: false, required: false }] };

/** Ship 2, Port 3, callsAt 4, escorts 5. */
const linked: GivenEvent[] = [...shippingBase, definedEvent('linkType', 'lt_calls', callsAt), definedEvent('linkType', 'lt_escorts', escorts)];

describe('an object type in use', () => {
  it('can’t be deleted or renamed while link types use it, each listed with its end', () => {
    refused(linked, deleteChange('objectType', 'ot_ship', 2), "Object type Ship can't be deleted: it is used by link type callsAt (source), link type escorts (source), link type escorts (target)", [
      'link type callsAt (source)',
      'link type escorts (source)',
      'link type escorts (target)',
    ]);
    refused(linked, updateChange('objectType', 'ot_port', 3, { apiName: 'Harbour' }), "Object type Port can't be renamed: it is used by link type callsAt (target)", ['link type callsAt (target)']);
  });

  it('can’t be deleted while an interface links to it or a deprecation names it as the replacement', () => {
    const given = [
      ...shippingBase,
      definedEvent('interface', 'if_docking', docking),
      updatedEvent('objectType', 'ot_ship', { ...shipInput, status: 'deprecated', deprecation: { reason: 'Use Port', deadline: '2026-01-01', replacement: 'Port' } }),
    ];
    refused(given, deleteChange('objectType', 'ot_port', 3), "Object type Port can't be deleted: it is used by interface Docking (link berth), object type Ship (deprecated; names it as the replacement)", [
      'interface Docking (link berth)',
      'object type Ship (deprecated; names it as the replacement)',
    ]);
  });

  it('may go together with everything that uses it, in one command', () => {
    spec
      .given(linked)
      .when(applyChanges([deleteChange('linkType', 'lt_calls', 4), deleteChange('objectType', 'ot_port', 3)]))
      .then([deletedEvent('linkType', 'lt_calls', callsAt), deletedEvent('objectType', 'ot_port', portInput)]);
  });

  it('may be renamed together with what refers to it', () => {
    spec
      .given(linked)
      .when(
        applyChanges([updateChange('objectType', 'ot_port', 3, { apiName: 'Harbour' }), updateChange('linkType', 'lt_calls', 4, { targetObjectType: 'Harbour' })], {
          acknowledgeBreakingChanges: true,
        }),
      )
      .then([
        updatedEvent('objectType', 'ot_port', { ...portInput, apiName: 'Harbour' }, ['renames Port to Harbour']),
        updatedEvent('linkType', 'lt_calls', { ...callsAt, targetObjectType: 'Harbour' }, ['moves the link from Ship → Port to Ship → Harbour']),
      ]);
  });

  it('may change the case of its name: references ignore case', () => {
    spec
      .given(linked)
      .when(applyChanges(updateChange('objectType', 'ot_port', 3, { apiName: 'PORT' }), { acknowledgeBreakingChanges: true }))
      .then([updatedEvent('objectType', 'ot_port', { ...portInput, apiName: 'PORT' }, ['renames Port to PORT'])]);
  });

  it('is not protected by a reference the same command adds: that reference is reported as broken instead', () => {
    spec
      .given(shippingBase)
      .when(applyChanges([deleteChange('objectType', 'ot_port', 3), defineChange('linkType', 'lt_calls', callsAt)]))
      .thenThrows('ONTOLOGY.INVALID_CHANGE', (e) =>
        expect(e.issues).toEqual([{ path: 'linkType.callsAt.targetObjectType', rule: 'reference', message: 'there is no object type "Port"' }]),
      );
  });
});

describe('an interface in use', () => {
  it('can’t be deleted or renamed while object types implement it, interfaces extend it or link to it', () => {
    const given = [
      ...shippingBase,
      definedEvent('interface', 'if_named', named),
      definedEvent('interface', 'if_labelled', { apiName: 'Labelled', displayName: 'Labelled', extends: ['Named'] }),
      definedEvent('interface', 'if_naming', { apiName: 'Naming', displayName: 'Naming', links: [{ apiName: 'named', target: { kind: 'interface', apiName: 'Named' }, many: true, required: false }] }),
      updatedEvent('objectType', 'ot_ship', { ...shipInput, implements: ['Named'] }),
    ];
    const users = ['object type Ship (implements)', 'interface Labelled (extends)', 'interface Naming (link named)'];
    refused(given, deleteChange('interface', 'if_named', 4), `Interface Named can't be deleted: it is used by ${users.join(', ')}`, users);
    refused(given, updateChange('interface', 'if_named', 4, { apiName: 'Titled' }), `Interface Named can't be renamed: it is used by ${users.join(', ')}`, users);
  });
});

describe('shared property types and value types in use', () => {
  it('can’t be deleted or renamed while a property uses them', () => {
    const imoCode = { apiName: 'imoCode', displayName: 'IMO code', dataType: 'string' };
    const tonnes = { apiName: 'Tonnes', displayName: 'Tonnes', baseType: 'double', constraints: { min: 0 } };
    const given = [
      ...shippingBase,
      definedEvent('sharedPropertyType', 'sp_imo', imoCode),
      definedEvent('valueType', 'vt_tonnes', tonnes),
      updatedEvent('objectType', 'ot_ship', {
        ...shipInput,
        properties: shipInput.properties.map((p) => (p.apiName === 'imo' ? { ...p, sharedPropertyType: 'imoCode' } : p.apiName === 'tonnage' ? { ...p, valueType: 'Tonnes' } : p)),
      }),
    ];
    refused(given, deleteChange('sharedPropertyType', 'sp_imo', 4), "Shared property type imoCode can't be deleted: it is used by object type Ship (property imo)", ['object type Ship (property imo)']);
    refused(given, updateChange('sharedPropertyType', 'sp_imo', 4, { apiName: 'imoNumber' }), "Shared property type imoCode can't be renamed: it is used by object type Ship (property imo)", [
      'object type Ship (property imo)',
    ]);
    refused(given, deleteChange('valueType', 'vt_tonnes', 5), "Value type Tonnes can't be deleted: it is used by object type Ship (property tonnage)", ['object type Ship (property tonnage)']);
    refused(given, updateChange('valueType', 'vt_tonnes', 5, { apiName: 'Tons' }), "Value type Tonnes can't be renamed: it is used by object type Ship (property tonnage)", [
      'object type Ship (property tonnage)',
    ]);
  });
});

describe('a property in use', () => {
  const withoutProperty = (name: string) => shipInput.properties.filter((p) => p.apiName !== name);

  it('can’t be removed or renamed while it is a key', () => {
    refused(shippingBase, updateChange('objectType', 'ot_ship', 2, { properties: withoutProperty('imo') }), "Property Ship.imo can't be removed or renamed: it is used by the primary key", ['the primary key']);
    refused(shippingBase, updateChange('objectType', 'ot_ship', 2, { properties: shipInput.properties.map((p) => (p.apiName === 'name' ? { ...p, apiName: 'title2' } : p)) }), "Property Ship.name can't be removed or renamed: it is used by the title key", [
      'the title key',
    ]);
  });

  it('can be removed together with the key that uses it', () => {
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { properties: withoutProperty('name'), titleKey: null }), { acknowledgeBreakingChanges: true }))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, properties: withoutProperty('name'), titleKey: null }, ['removes the property "name"'])]);
  });

  it('can’t be removed while a link type’s foreign key or an implemented interface uses it', () => {
    const homePort = {
      apiName: 'homePort',
      sourceObjectType: 'Port',
      targetObjectType: 'Ship',
      cardinality: 'one-to-many',
      forward: { apiName: 'registeredShips', displayName: 'Registered ships' },
      reverse: { apiName: 'homePort', displayName: 'Home port' },
      relationship: { kind: 'foreignKey', objectType: 'Ship', property: 'homePortCode' },
    };
    const properties = [...shipInput.properties, { apiName: 'homePortCode', displayName: 'Home port', dataType: 'string' }];
    const given = [
      ...shippingBase,
      definedEvent('interface', 'if_named', named),
      updatedEvent('objectType', 'ot_ship', { ...shipInput, properties, implements: ['Named'] }),
      definedEvent('linkType', 'lt_home', homePort),
    ];
    refused(given, updateChange('objectType', 'ot_ship', 5, { properties: properties.filter((p) => p.apiName !== 'homePortCode') }), "Property Ship.homePortCode can't be removed or renamed: it is used by link type homePort (foreign key)", [
      'link type homePort (foreign key)',
    ]);
    refused(given, updateChange('objectType', 'ot_ship', 5, { properties: properties.filter((p) => p.apiName !== 'name'), titleKey: null }), "Property Ship.name can't be removed or renamed: it is used by interface Named", [
      'interface Named',
    ]);
  });
});

describe('a link type', () => {
  it('is referred to by nobody and can be deleted or renamed', () => {
    spec.given(linked).when(applyChanges(deleteChange('linkType', 'lt_calls', 4))).then([deletedEvent('linkType', 'lt_calls', callsAt)]);
    spec
      .given(linked)
      .when(applyChanges(updateChange('linkType', 'lt_calls', 4, { apiName: 'visits' }), { acknowledgeBreakingChanges: true }))
      .then([updatedEvent('linkType', 'lt_calls', { ...callsAt, apiName: 'visits' }, ['renames callsAt to visits'])]);
  });
});
