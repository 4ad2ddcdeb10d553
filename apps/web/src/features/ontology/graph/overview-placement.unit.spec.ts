import { describe, expect, it } from 'vitest';
import type { GraphLayout } from './elk-layout';
import { buildGraphModel } from './graph-model';
import type { GraphLinkType, GraphObjectType } from './ontology-graph.types';
import { labelBudget, labelSize, overviewCandidates, placeOverviewLabels, type OverviewLabel } from './overview-placement';

const type = (id: string): GraphObjectType => ({ id, apiName: id, displayName: id, status: 'active', color: '#2563eb', icon: null, propertyCount: 1, primaryKey: 'id' });
const link = (id: string, sourceId: string, targetId: string): GraphLinkType => ({ id, apiName: id, sourceId, targetId, cardinality: 'one-to-many', forwardName: 'b', reverseName: 'a' });
const label = (id: string, x: number, y: number): OverviewLabel => ({ id, name: id, color: null, links: 1, centre: { x, y } });

describe('overview labels', () => {
  // hub links to a, b and c; c also to d; e stands alone.
  const model = buildGraphModel({
    objectTypes: ['hub', 'a', 'b', 'c', 'd', 'e'].map(type),
    linkTypes: [link('l1', 'hub', 'a'), link('l2', 'hub', 'b'), link('l3', 'hub', 'c'), link('l4', 'c', 'd')],
  });
  const layout: GraphLayout = { positions: new Map(model.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }])), routes: new Map() };

  it('puts the most-linked types first, then by name', () => {
    expect(overviewCandidates(model, layout, null).map((c) => c.id)).toEqual(['hub', 'c', 'a', 'b', 'd', 'e']);
  });

  it('puts the selection and its neighbours before everything else', () => {
    expect(overviewCandidates(model, layout, 'd').map((c) => c.id)).toEqual(['d', 'c', 'hub', 'a', 'b', 'e']);
  });

  it('centres each label on its box and counts its links', () => {
    const hub = overviewCandidates(model, layout, null)[0]!;
    expect(hub).toMatchObject({ name: 'hub', color: '#2563eb', links: 3, centre: { x: 116, y: 26 } });
  });

  it('skips a label that would overlap one placed before it, at the size it has on screen', () => {
    const width = labelSize(label('first', 0, 0)).width;
    // At zoom 1 the second sits half a label to the right of the first: they overlap.
    const candidates = [label('first', 0, 0), label('close', width / 2, 0), label('far', 4 * width, 0)];
    expect(placeOverviewLabels(candidates, 1).map((l) => l.id)).toEqual(['first', 'far']);
    // Zoomed in twice as far, the same graph distance is twice as long on screen: nothing overlaps.
    expect(placeOverviewLabels(candidates, 2.2).map((l) => l.id)).toEqual(['first', 'close', 'far']);
    // Zoomed out, labels take more of the graph: only the first fits.
    expect(placeOverviewLabels(candidates, 0.2).map((l) => l.id)).toEqual(['first']);
  });

  it('stops at the budget, which grows with the square of the zoom from a screenful until every type may be named', () => {
    expect(placeOverviewLabels([label('a', 0, 0), label('b', 5000, 0), label('c', 10000, 0)], 1, 2).map((l) => l.id)).toEqual(['a', 'b']);
    expect(labelBudget(512, 0.0625, 0.5)).toBe(24);
    expect(labelBudget(512, 0.125, 0.5)).toBe(32);
    expect(labelBudget(512, 0.25, 0.5)).toBe(128);
    expect(labelBudget(512, 0.7, 0.5)).toBe(512);
    expect(labelBudget(10, 0.1, 0.5)).toBe(10);
  });
});
