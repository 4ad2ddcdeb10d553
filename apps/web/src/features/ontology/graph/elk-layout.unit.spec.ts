import { describe, expect, it } from 'vitest';
import { candidateDirections, fromElkGraph, pickLayout } from './elk-layout';
import { buildGraphModel } from './graph-model';
import type { GraphObjectType } from './ontology-graph.types';

const types = (n: number): GraphObjectType[] =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, apiName: `T${i}`, displayName: `T${i}`, status: 'active', color: null, icon: null, propertyCount: 0, primaryKey: null }));

describe('ELK layout glue', () => {
  it('tries both directions for a small ontology and only left-to-right for a large one', () => {
    expect(candidateDirections(buildGraphModel({ objectTypes: types(12), linkTypes: [] }))).toEqual(['RIGHT', 'DOWN']);
    expect(candidateDirections(buildGraphModel({ objectTypes: types(61), linkTypes: [] }))).toEqual(['RIGHT']);
  });

  it('picks the layout that fits the viewport larger', () => {
    const wide = { id: 'wide', width: 2000, height: 400 };
    const square = { id: 'square', width: 1200, height: 1000 };
    expect(pickLayout([wide, square], 1.6).id).toBe('square'); // fits at 1/1000 against 1.6/2000
    expect(pickLayout([wide, square], 4).id).toBe('wide');
  });

  it('reads positions, routes and label centres back from ELK', () => {
    const layout = fromElkGraph({
      id: 'root',
      children: [{ id: 'a', x: 10, y: 20, width: 100, height: 40 }],
      edges: [
        {
          id: 'e',
          sources: ['a'],
          targets: ['a'],
          labels: [{ x: 50, y: 60, width: 40, height: 16 }],
          sections: [{ id: 's', startPoint: { x: 0, y: 0 }, bendPoints: [{ x: 5, y: 0 }], endPoint: { x: 5, y: 5 } }],
        },
        { id: 'unrouted', sources: ['a'], targets: ['a'] },
      ],
    });
    expect(layout.positions.get('a')).toEqual({ x: 10, y: 20 });
    expect(layout.routes.get('e')).toEqual({ points: [{ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 5, y: 5 }], labelCentre: { x: 70, y: 68 } });
    expect(layout.routes.has('unrouted')).toBe(false);
  });
});
