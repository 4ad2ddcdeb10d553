import type { GraphLayout, Point } from './elk-layout';
import type { GraphModel } from './graph-model';

/**
 * Zoomed out, the boxes are too small for their names, so the overview names some types itself at a size
 * that stays readable: the selection and its neighbours first, then the most-linked types, each only where
 * it overlaps no label already placed. The rest are counted instead.
 */
export interface OverviewLabel {
  id: string;
  name: string;
  /** The type's colour; null for interfaces and uncoloured types. */
  color: string | null;
  /** Links and implements edges that touch the type. */
  links: number;
  centre: Point;
}

// On screen: 12px text in a pill, estimated rather than measured so placement needs no DOM.
const CHAR_WIDTH = 6.8;
const DIGIT_WIDTH = 6.2;
const PILL_CHROME = 26;
const PILL_HEIGHT = 20;
const MARGIN = 6;

/** The pill's size on screen, in CSS pixels. */
export function labelSize(label: Pick<OverviewLabel, 'name' | 'links'>): { width: number; height: number } {
  return { width: Math.ceil(label.name.length * CHAR_WIDTH + String(label.links).length * DIGIT_WIDTH + PILL_CHROME), height: PILL_HEIGHT };
}

/** Every type that could be named, in the order they claim room: the selection, its neighbours, then by links. */
export function overviewCandidates(model: GraphModel, layout: GraphLayout, selectedId: string | null): OverviewLabel[] {
  const neighbours = selectedId ? model.neighbours.get(selectedId) : undefined;
  const rank = (id: string) => (id === selectedId ? 0 : neighbours?.has(id) ? 1 : 2);
  const labels = model.nodes.flatMap((n): OverviewLabel[] => {
    const at = layout.positions.get(n.id);
    if (!at) return [];
    const [name, color] = n.kind === 'objectType' ? [n.objectType.displayName, n.objectType.color] : [n.iface.displayName, null];
    return [{ id: n.id, name, color, links: model.incidentEdges.get(n.id)?.length ?? 0, centre: { x: at.x + n.width / 2, y: at.y + n.height / 2 } }];
  });
  return labels.sort((a, b) => rank(a.id) - rank(b.id) || b.links - a.links || a.name.localeCompare(b.name));
}

// About what the whole graph can carry on one screen without crowding.
const MIN_LABELS = 24;

/**
 * How many pills the overview may show at `zoom`: about as many per screenful at any zoom, so all `total`
 * types once the names on the boxes take over (`namesFrom`) and a quarter of them at half that zoom, but
 * never fewer than a screenful.
 */
export function labelBudget(total: number, zoom: number, namesFrom: number): number {
  return Math.min(total, Math.max(MIN_LABELS, Math.ceil(total * (zoom / namesFrom) ** 2)));
}

/**
 * The first `limit` candidates, in order, whose pills (centred on their type) overlap none placed before them
 * when drawn at `zoom`; positions are graph coordinates, so a pill takes 1/zoom times its screen size.
 */
export function placeOverviewLabels(candidates: readonly OverviewLabel[], zoom: number, limit = Number.POSITIVE_INFINITY): OverviewLabel[] {
  const cell = 160 / zoom;
  const grid = new Map<string, Box[]>();
  const placed: OverviewLabel[] = [];
  for (const label of candidates) {
    if (placed.length >= limit) break;
    const size = labelSize(label);
    const halfWidth = (size.width + MARGIN) / zoom / 2;
    const halfHeight = (size.height + MARGIN) / zoom / 2;
    const box = { left: label.centre.x - halfWidth, right: label.centre.x + halfWidth, top: label.centre.y - halfHeight, bottom: label.centre.y + halfHeight };
    const cells = cellsOf(box, cell);
    if (cells.some((key) => grid.get(key)?.some((other) => overlaps(box, other)))) continue;
    for (const key of cells) {
      const boxes = grid.get(key);
      if (boxes) boxes.push(box);
      else grid.set(key, [box]);
    }
    placed.push(label);
  }
  return placed;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function cellsOf(box: Box, cell: number): string[] {
  const keys: string[] = [];
  for (let x = Math.floor(box.left / cell); x <= Math.floor(box.right / cell); x++) {
    for (let y = Math.floor(box.top / cell); y <= Math.floor(box.bottom / cell); y++) keys.push(`${x}:${y}`);
  }
  return keys;
}
