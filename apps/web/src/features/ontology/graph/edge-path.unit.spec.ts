import { describe, expect, it } from 'vitest';
import { arrowHead, midpoint, roundedPath } from './edge-path';

describe('edge paths', () => {
  it('draws a straight route as one line', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 100, y: 0 }])).toBe('M0,0 L100,0');
  });

  it('rounds each bend with a curve through the bend point', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }])).toBe('M0,0 L92,0 Q100,0 100,8 L100,100');
  });

  it('keeps the rounding inside short segments', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 6, y: 0 }, { x: 6, y: 6 }])).toBe('M0,0 L3,0 Q6,0 6,3 L6,6');
  });

  it('points the arrow head along the last segment, its tip on the end', () => {
    expect(arrowHead([{ x: 0, y: 0 }, { x: 100, y: 0 }])).toBe('M100,0 L93,3.5 L93,-3.5 Z');
    expect(arrowHead([{ x: 0, y: 0 }, { x: 0, y: 50 }])).toBe('M0,50 L-3.5,43 L3.5,43 Z');
  });

  it('finds the midpoint along the route, not between its ends', () => {
    expect(midpoint([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }])).toEqual({ x: 100, y: 0 });
    expect(midpoint([{ x: 0, y: 0 }, { x: 0, y: 40 }])).toEqual({ x: 0, y: 20 });
  });
});
