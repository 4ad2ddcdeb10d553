import { describe, expect, it } from 'vitest';
import { neighbourTowards } from './graph-navigation';

const at = (id: string, x: number, y: number) => ({ id, centre: { x, y } });

describe('neighbourTowards', () => {
  const from = { x: 0, y: 0 };
  const around = [at('east', 300, 20), at('far-east', 900, 0), at('north-east', 200, -180), at('south', 10, 250), at('west', -300, 0)];

  it('moves to the neighbour that lies most nearly along the arrow', () => {
    expect(neighbourTowards(from, 'right', around)).toBe('east');
    expect(neighbourTowards(from, 'left', around)).toBe('west');
    expect(neighbourTowards(from, 'down', around)).toBe('south');
  });

  it('prefers a farther neighbour straight ahead to a nearer one off to the side', () => {
    expect(neighbourTowards(from, 'up', around)).toBe('north-east');
    expect(neighbourTowards(from, 'right', [at('diagonal', 150, 140), at('straight', 320, 0)])).toBe('straight');
  });

  it('stays put when nothing lies that way', () => {
    expect(neighbourTowards(from, 'up', [at('south', 0, 100)])).toBeNull();
    expect(neighbourTowards(from, 'left', [])).toBeNull();
  });
});
