import { describe, expect, it } from 'vitest';
import { ZInterfaceDefinition, type EntityView } from '@spice/domain';
import { interfaceRequirements } from './interface-requirements';

const iface = (id: string, input: Record<string, unknown>): EntityView<'interface'> => ({
  kind: 'interface',
  id,
  version: 1,
  createdBy: 'ada',
  createdAt: '2025-01-01T00:00:00.000Z',
  changedBy: 'ada',
  changedAt: '2025-01-01T00:00:00.000Z',
  definition: ZInterfaceDefinition.parse(input),
});

const locatable = iface('if_1', { apiName: 'Locatable', displayName: 'Locatable', properties: [{ apiName: 'location', dataType: 'geopoint' }] });
const asset = iface('if_2', {
  apiName: 'Asset',
  displayName: 'Asset',
  extends: ['Locatable'],
  properties: [
    { apiName: 'assetTag', dataType: 'string' },
    { apiName: 'insuredValue', dataType: { type: 'money', currency: 'USD' }, required: false },
  ],
  links: [
    { apiName: 'owner', target: { kind: 'objectType', apiName: 'Company' }, many: false },
    { apiName: 'parts', target: { kind: 'interface', apiName: 'Asset' }, many: true },
  ],
});

describe('what implementing an interface asks of a type', () => {
  it('lists its required properties and links, then those of the interfaces it extends, saying where they come from', () => {
    expect(interfaceRequirements('Asset', [asset, locatable])).toEqual(['assetTag: string', 'owner → Company', 'parts → many Asset', 'location: geopoint (from Locatable)']);
  });

  it('is empty for an interface it doesn’t know, and stops at a cycle', () => {
    expect(interfaceRequirements('Ghost', [asset, locatable])).toEqual([]);
    const loop = iface('if_3', { apiName: 'Loop', displayName: 'Loop', extends: ['Loop'], properties: [{ apiName: 'x', dataType: 'long' }] });
    expect(interfaceRequirements('loop', [loop])).toEqual(['x: long']);
  });
});
