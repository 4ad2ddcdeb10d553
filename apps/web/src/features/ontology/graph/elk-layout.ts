import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { GraphModel } from './graph-model';

/** Where the layout put everything, in graph coordinates (top-left of each box). */
export interface GraphLayout {
  positions: ReadonlyMap<string, Point>;
  /** Edge id -> the route ELK drew, start to end, and where its label sits (its centre), if anywhere. */
  routes: ReadonlyMap<string, EdgeRoute>;
}

export interface Point {
  x: number;
  y: number;
}

export interface EdgeRoute {
  points: readonly Point[];
  labelCentre: Point | null;
}

export type Direction = 'RIGHT' | 'DOWN';

// Up to this size ELK's careful settings finish in well under a second; beyond it they take several.
const CAREFUL_MAX_NODES = 60;

/**
 * Layered: a link reads from its source to its target, so "Customer 1:N Order" puts Order after Customer
 * and a hub's links fan out instead of crossing the page. A small ontology is laid out both left-to-right
 * and top-down and the one that fits the screen larger wins (see `pickLayout`); a large one goes left to
 * right with settings that trade polish for a layout that finishes in seconds.
 */
export function candidateDirections(model: GraphModel): Direction[] {
  return model.nodes.length <= CAREFUL_MAX_NODES ? ['RIGHT', 'DOWN'] : ['RIGHT'];
}

export function layoutOptionsFor(model: GraphModel, direction: Direction): LayoutOptions {
  const common: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.nodeNode': '18',
    'elk.spacing.edgeNode': '16',
    'elk.spacing.edgeEdge': '10',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.componentComponent': '48',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    'elk.aspectRatio': '1.6',
  };
  if (model.nodes.length <= CAREFUL_MAX_NODES) {
    return {
      ...common,
      // Ontologies have cycles (a person manages people, an invoice references orders that reference
      // invoices); keep the direction of the links listed first, so a small model reads as its author wrote it.
      'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    };
  }
  return {
    ...common,
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    // Model order costs a large ontology 2-3x the time (measured at 500 types and 1,000 links).
    'elk.layered.cycleBreaking.strategy': 'GREEDY',
  };
}

export function toElkGraph(model: GraphModel, direction: Direction): ElkNode {
  return {
    id: '__root',
    layoutOptions: layoutOptionsFor(model, direction),
    children: model.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: model.edges.map(
      (e): ElkExtendedEdge => ({
        id: e.id,
        sources: [e.source],
        targets: [e.target],
        ...(e.label ? { labels: [{ id: `${e.id}:label`, text: e.label.text, width: e.label.width, height: e.label.height }] } : {}),
      }),
    ),
  };
}

/** The laid-out graph that shows largest when fitted into a viewport `aspect` times as wide as it is high. */
export function pickLayout(roots: readonly ElkNode[], aspect: number): ElkNode {
  const fitScale = (r: ElkNode) => Math.min(aspect / (r.width || 1), 1 / (r.height || 1));
  return roots.reduce((best, r) => (fitScale(r) > fitScale(best) ? r : best));
}

export function fromElkGraph(root: ElkNode): GraphLayout {
  const positions = new Map<string, Point>();
  for (const child of root.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  const routes = new Map<string, EdgeRoute>();
  for (const edge of root.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section) continue;
    const label = edge.labels?.[0];
    routes.set(edge.id, {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      labelCentre:
        label && label.x !== undefined && label.y !== undefined ? { x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 } : null,
    });
  }
  return { positions, routes };
}
