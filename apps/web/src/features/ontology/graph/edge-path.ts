import type { Point } from './elk-layout';

const CORNER_RADIUS = 8;
const ARROW_LENGTH = 7;
const ARROW_HALF_WIDTH = 3.5;

/** An SVG path through `points`, with its corners rounded so orthogonal routes read as one line. */
export function roundedPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const parts = [`M${r(first.x)},${r(first.y)}`];
  for (let i = 0; i < rest.length; i++) {
    const corner = rest[i]!;
    const next = rest[i + 1];
    if (!next) {
      parts.push(`L${r(corner.x)},${r(corner.y)}`);
      break;
    }
    const prev = i === 0 ? first : rest[i - 1]!;
    const radius = Math.min(CORNER_RADIUS, distance(prev, corner) / 2, distance(corner, next) / 2);
    const before = towards(corner, prev, radius);
    const after = towards(corner, next, radius);
    parts.push(`L${r(before.x)},${r(before.y)}`, `Q${r(corner.x)},${r(corner.y)} ${r(after.x)},${r(after.y)}`);
  }
  return parts.join(' ');
}

/** A filled triangle at the route's end, pointing the way its last segment goes. */
export function arrowHead(points: readonly Point[]): string {
  const tip = points[points.length - 1];
  const from = points[points.length - 2];
  if (!tip || !from) return '';
  const length = distance(from, tip) || 1;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const baseX = tip.x - ux * ARROW_LENGTH;
  const baseY = tip.y - uy * ARROW_LENGTH;
  return `M${r(tip.x)},${r(tip.y)} L${r(baseX - uy * ARROW_HALF_WIDTH)},${r(baseY + ux * ARROW_HALF_WIDTH)} L${r(baseX + uy * ARROW_HALF_WIDTH)},${r(baseY - ux * ARROW_HALF_WIDTH)} Z`;
}

/** The point halfway along the route, measured along its segments. */
export function midpoint(points: readonly Point[]): Point {
  const total = points.slice(1).reduce((sum, p, i) => sum + distance(points[i]!, p), 0);
  let remaining = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = distance(a, b);
    if (remaining <= d && d > 0) return { x: a.x + ((b.x - a.x) * remaining) / d, y: a.y + ((b.y - a.y) * remaining) / d };
    remaining -= d;
  }
  return points[0] ?? { x: 0, y: 0 };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function towards(from: Point, to: Point, by: number): Point {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

// One decimal keeps paths exact enough at any zoom and a thousand of them short.
function r(n: number): number {
  return Math.round(n * 10) / 10;
}
