import type { Point } from './elk-layout';

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

const UNIT: Record<Direction, Point> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

/**
 * The neighbour an arrow key moves to: among those lying that way from `from`, the one closest to the
 * arrow's line (sideways distance counts double), or null when no neighbour lies that way.
 */
export function neighbourTowards(from: Point, direction: Direction, neighbours: readonly { id: string; centre: Point }[]): string | null {
  const u = UNIT[direction];
  let best: { id: string; score: number } | null = null;
  for (const n of neighbours) {
    const dx = n.centre.x - from.x;
    const dy = n.centre.y - from.y;
    const along = dx * u.x + dy * u.y;
    if (along <= 0) continue;
    const sideways = Math.abs(dx * u.y - dy * u.x);
    const score = along + 2 * sideways;
    if (!best || score < best.score) best = { id: n.id, score };
  }
  return best?.id ?? null;
}
