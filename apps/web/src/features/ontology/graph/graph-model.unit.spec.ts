import { describe, expect, it } from 'vitest';
import { buildGraphModel, labelWidth, NODE_SIZE } from './graph-model';
import type { GraphLinkType, GraphObjectType } from './ontology-graph.types';

const type = (id: string): GraphObjectType => ({ id, apiName: id, displayName: id, status: 'active', color: null, icon: null, propertyCount: 1, primaryKey: 'id' });
const link = (id: string, sourceId: string, targetId: string): GraphLinkType => ({
  id,
  apiName: id,
  sourceId,
  targetId,
  cardinality: 'one-to-many',
  forwardName: 'orders',
  reverseName: 'customer',
});

describe('buildGraphModel', () => {
  it('makes a box per object type and interface and an edge per link and implementation', () => {
    const model = buildGraphModel({
      objectTypes: [type('customer'), type('order')],
      interfaces: [{ id: 'billable', apiName: 'Billable', displayName: 'Billable' }],
      implementsEdges: [{ objectTypeId: 'order', interfaceId: 'billable' }],
      linkTypes: [link('places', 'customer', 'order')],
    });
    expect(model.nodes.map((n) => [n.kind, n.id, n.width])).toEqual([
      ['objectType', 'customer', NODE_SIZE.objectType.width],
      ['objectType', 'order', NODE_SIZE.objectType.width],
      ['interface', 'billable', NODE_SIZE.interface.width],
    ]);
    expect(model.edges.map((e) => [e.kind, e.source, e.target])).toEqual([
      ['link', 'customer', 'order'],
      ['implements', 'order', 'billable'],
    ]);
  });

  it('knows each node’s neighbours and edges in both directions, and a self-link is no neighbour', () => {
    const model = buildGraphModel({
      objectTypes: [type('a'), type('b'), type('c')],
      linkTypes: [link('ab', 'a', 'b'), link('cb', 'c', 'b'), link('aa', 'a', 'a')],
    });
    expect([...model.neighbours.get('b')!]).toEqual(['a', 'c']);
    expect([...model.neighbours.get('a')!]).toEqual(['b']);
    expect(model.incidentEdges.get('a')).toEqual(['ab', 'aa']);
    expect(model.incidentEdges.get('b')).toEqual(['ab', 'cb']);
  });

  it('leaves out a link whose end is not drawn instead of dangling it', () => {
    const model = buildGraphModel({ objectTypes: [type('a')], linkTypes: [link('gone', 'a', 'deleted')] });
    expect(model.edges).toEqual([]);
  });

  it('reserves room for labels in a small ontology and not in a large one', () => {
    const small = buildGraphModel({ objectTypes: [type('a'), type('b')], linkTypes: [link('ab', 'a', 'b')] });
    expect(small.labelsPlaced).toBe(true);
    expect(small.edges[0]!.label).toEqual({ text: 'orders / customer', width: labelWidth(link('ab', 'a', 'b')), height: 16 });
    const many = Array.from({ length: 151 }, (_, i) => link(`l${i}`, 'a', 'b'));
    const large = buildGraphModel({ objectTypes: [type('a'), type('b')], linkTypes: many });
    expect(large.labelsPlaced).toBe(false);
    expect(large.edges.every((e) => e.label === null)).toBe(true);
  });

  it('changes its signature when the structure changes, not when a name or colour does', () => {
    const base = { objectTypes: [type('a'), type('b')], linkTypes: [link('ab', 'a', 'b')] };
    const renamed = { ...base, objectTypes: [{ ...type('a'), displayName: 'Renamed', color: '#ff0000' }, type('b')] };
    const relinked = { ...base, linkTypes: [link('ab', 'b', 'a')] };
    expect(buildGraphModel(renamed).signature).toBe(buildGraphModel(base).signature);
    expect(buildGraphModel(relinked).signature).not.toBe(buildGraphModel(base).signature);
  });
});
