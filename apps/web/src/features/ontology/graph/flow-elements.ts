import type { Node } from '@xyflow/react';
import { arrowHead, midpoint, roundedPath } from './edge-path';
import type { GraphLayout, Point } from './elk-layout';
import { LABEL_HEIGHT, labelWidth, type GraphModel, type ModelNode } from './graph-model';
import type { GraphInterface, GraphLinkType, GraphObjectType } from './ontology-graph.types';

export type ObjectTypeFlowNode = Node<{ objectType: GraphObjectType }, 'objectType'>;
export type InterfaceFlowNode = Node<{ iface: GraphInterface }, 'interface'>;
export type OntologyFlowNode = ObjectTypeFlowNode | InterfaceFlowNode;

export interface EdgeGeometry {
  path: string;
  arrow: string;
  labelCentre: Point;
}
/**
 * An edge as the graph draws it itself (edge-layer.tsx), not as a React Flow edge: its route is fixed by the
 * layout, so nothing about it has to follow the viewport or the nodes.
 */
export type EdgeShape = ({ kind: 'link'; id: string; link: GraphLinkType; labelWidth: number } | { kind: 'implements'; id: string }) & EdgeGeometry;

// The graph is read, not edited: nothing is dragged, connected or selected through React Flow's own state,
// so a selection never replaces these objects (see emphasis-store.ts).
const READ_ONLY = { draggable: false, connectable: false, selectable: false, focusable: false } as const;

/** React Flow nodes at their laid-out positions; a node the layout has not placed yet is left out. */
export function toFlowNodes(model: GraphModel, layout: GraphLayout): OntologyFlowNode[] {
  return model.nodes.flatMap((n): OntologyFlowNode[] => {
    const position = layout.positions.get(n.id);
    if (!position) return [];
    // The size is fixed, so React Flow is told it instead of measuring 500 nodes before it can draw.
    const box = { id: n.id, position, width: n.width, height: n.height, measured: { width: n.width, height: n.height }, ...READ_ONLY };
    return n.kind === 'objectType' ? [{ ...box, type: 'objectType', data: { objectType: n.objectType } }] : [{ ...box, type: 'interface', data: { iface: n.iface } }];
  });
}

export function toEdgeShapes(model: GraphModel, layout: GraphLayout): EdgeShape[] {
  const nodesById = new Map(model.nodes.map((n) => [n.id, n]));
  const stacking = stackParallelLabels(model);
  return model.edges.flatMap((e): EdgeShape[] => {
    const route = layout.routes.get(e.id);
    const points = route?.points ?? straightRoute(nodesById.get(e.source), nodesById.get(e.target), layout);
    if (!points) return [];
    const geometry: EdgeGeometry = { path: roundedPath(points), arrow: arrowHead(points), labelCentre: route?.labelCentre ?? stacked(midpoint(points), stacking.get(e.id)) };
    return e.kind === 'link' ? [{ kind: 'link', id: e.id, link: e.link, labelWidth: e.label?.width ?? labelWidth(e.link), ...geometry }] : [{ kind: 'implements', id: e.id, ...geometry }];
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
