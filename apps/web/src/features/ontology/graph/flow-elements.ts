import { Position, type Edge, type Node } from '@xyflow/react';
import { arrowHead, midpoint, roundedPath } from './edge-path';
import type { GraphLayout, Point } from './elk-layout';
import { LABEL_HEIGHT, labelWidth, type GraphModel, type ModelNode } from './graph-model';
import type { GraphInterface, GraphLinkType, GraphObjectType } from './ontology-graph.types';

export type ObjectTypeFlowNode = Node<{ objectType: GraphObjectType }, 'objectType'>;
export type InterfaceFlowNode = Node<{ iface: GraphInterface }, 'interface'>;
export type OntologyFlowNode = ObjectTypeFlowNode | InterfaceFlowNode;

// A type alias, not an interface: React Flow's data must be assignable to Record<string, unknown>.
export type EdgeGeometry = {
  path: string;
  arrow: string;
  labelCentre: Point;
};
export type LinkFlowEdge = Edge<{ link: GraphLinkType; labelWidth: number } & EdgeGeometry, 'link'>;
export type ImplementsFlowEdge = Edge<EdgeGeometry, 'implements'>;
export type OntologyFlowEdge = LinkFlowEdge | ImplementsFlowEdge;

// The graph is read, not edited: nothing is dragged, connected or selected through React Flow's own state,
// so a selection never replaces these objects (see emphasis-store.ts).
const READ_ONLY = { draggable: false, connectable: false, selectable: false, focusable: false } as const;

/** React Flow nodes at their laid-out positions; a node the layout has not placed yet is left out. */
export function toFlowNodes(model: GraphModel, layout: GraphLayout): OntologyFlowNode[] {
  return model.nodes.flatMap((n): OntologyFlowNode[] => {
    const position = layout.positions.get(n.id);
    if (!position) return [];
    const box = { id: n.id, position, width: n.width, height: n.height, ...knownGeometry(n), ...READ_ONLY };
    return n.kind === 'objectType' ? [{ ...box, type: 'objectType', data: { objectType: n.objectType } }] : [{ ...box, type: 'interface', data: { iface: n.iface } }];
  });
}

export function toFlowEdges(model: GraphModel, layout: GraphLayout): OntologyFlowEdge[] {
  const nodesById = new Map(model.nodes.map((n) => [n.id, n]));
  const stacking = stackParallelLabels(model);
  return model.edges.flatMap((e): OntologyFlowEdge[] => {
    const route = layout.routes.get(e.id);
    const points = route?.points ?? straightRoute(nodesById.get(e.source), nodesById.get(e.target), layout);
    if (!points) return [];
    const geometry: EdgeGeometry = { path: roundedPath(points), arrow: arrowHead(points), labelCentre: route?.labelCentre ?? stacked(midpoint(points), stacking.get(e.id)) };
    const base = { id: e.id, source: e.source, target: e.target, ...READ_ONLY };
    return e.kind === 'link'
      ? [{ ...base, type: 'link', data: { link: e.link, labelWidth: e.label?.width ?? labelWidth(e.link), ...geometry } }]
      : [{ ...base, type: 'implements', data: geometry }];
  });
}

/**
 * Labels the layout did not place sit at their route's midpoint, where the labels of links between the same
 * two types (both directions) would cover each other: each gets an offset that stacks them in a column.
 */
function stackParallelLabels(model: GraphModel): Map<string, number> {
  const byPair = new Map<string, string[]>();
  for (const e of model.edges) {
    if (e.kind !== 'link' || e.label) continue;
    const pair = e.source < e.target ? `${e.source} ${e.target}` : `${e.target} ${e.source}`;
    const ids = byPair.get(pair);
    if (ids) ids.push(e.id);
    else byPair.set(pair, [e.id]);
  }
  const offsets = new Map<string, number>();
  for (const ids of byPair.values()) ids.forEach((id, i) => offsets.set(id, (i - (ids.length - 1) / 2) * (LABEL_HEIGHT + 2)));
  return offsets;
}

function stacked(centre: Point, offset: number | undefined): Point {
  return offset ? { x: centre.x, y: centre.y + offset } : centre;
}

/**
 * Sizes and handle positions are fixed, so React Flow is told them instead of measuring 500 nodes before it
 * can draw the first edge (the same data it takes for server rendering).
 */
function knownGeometry(n: ModelNode): Pick<Node, 'measured' | 'handles'> {
  return {
    measured: { width: n.width, height: n.height },
    handles: [
      { type: 'target', position: Position.Left, x: 0, y: n.height / 2, width: 1, height: 1 },
      { type: 'source', position: Position.Right, x: n.width - 1, y: n.height / 2, width: 1, height: 1 },
    ],
  };
}

/** Centre to centre, for an edge the layout has not routed (it arrived while a new layout was running). */
function straightRoute(source: ModelNode | undefined, target: ModelNode | undefined, layout: GraphLayout): Point[] | null {
  const a = source && layout.positions.get(source.id);
  const b = target && layout.positions.get(target.id);
  if (!source || !target || !a || !b) return null;
  return [
    { x: a.x + source.width / 2, y: a.y + source.height / 2 },
    { x: b.x + target.width / 2, y: b.y + target.height / 2 },
  ];
}
