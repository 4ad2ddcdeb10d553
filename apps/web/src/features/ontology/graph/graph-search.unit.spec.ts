import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model';
import { searchTypes } from './graph-search';
import type { GraphObjectType } from './ontology-graph.types';

const type = (id: string, displayName: string, apiName = displayName.replace(/\s/g, '')): GraphObjectType => ({
  id,
  apiName,
  displayName,
  status: 'active',
  color: null,
  icon: null,
  propertyCount: 0,
  primaryKey: null,
});

const model = buildGraphModel({
  objectTypes: [type('1', 'Vessel Berth'), type('2', 'Cargo Vessel'), type('3', 'Vessel'), type('4', 'Harbour'), type('5', 'Vessels Registry', 'registry')],
  interfaces: [{ id: 'i', apiName: 'VesselLike', displayName: 'Vessel like' }],
  linkTypes: [],
});

describe('searchTypes', () => {
  it('ranks an exact name first, then names starting with the text, then a word starting with it', () => {
    expect(searchTypes(model, 'vessel').map((h) => h.displayName)).toEqual(['Vessel', 'Vessel like', 'Vessel Berth', 'Vessels Registry', 'Cargo Vessel']);
  });

  it('matches the API name too, and says which hits are interfaces', () => {
    expect(searchTypes(model, 'registry')).toEqual([{ id: '5', kind: 'objectType', displayName: 'Vessels Registry', apiName: 'registry' }]);
    expect(searchTypes(model, 'vessellike')).toEqual([{ id: 'i', kind: 'interface', displayName: 'Vessel like', apiName: 'VesselLike' }]);
  });

  it('finds text inside a name, ignores case and surrounding spaces, and honours the limit', () => {
    expect(searchTypes(model, '  ARBOU ').map((h) => h.id)).toEqual(['4']);
    expect(searchTypes(model, 'vessel', 2)).toHaveLength(2);
  });

  it('returns nothing for blank or unmatched text', () => {
    expect(searchTypes(model, '   ')).toEqual([]);
    expect(searchTypes(model, 'zebra')).toEqual([]);
  });
});
