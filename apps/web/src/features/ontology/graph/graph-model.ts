import type { Cardinality, GraphImplementsEdge, GraphInterface, GraphLinkType, GraphObjectType } from './ontology-graph.types';

/**
 * The graph's structure, independent of any layout or renderer: which boxes exist, how big they are, which
 * edges join them, and who neighbours whom (for highlighting and arrow-key moves).
 */
export interface GraphModel {
  nodes: readonly ModelNode[];
  edges: readonly ModelEdge[];
  /** Node id -> ids of the nodes one edge away (either direction). */
  neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  /** Node id -> ids of the edges that touch it. */
  incidentEdges: ReadonlyMap<string, readonly string[]>;
  /** Whether the layout makes room for link labels (small ontologies) or leaves them to fall where they may. */
  labelsPlaced: boolean;
  /** Changes exactly when the layout has to: ids, sizes, endpoints and label sizes. */
  signature: string;
}

export type ModelNode =
  | { kind: 'objectType'; id: string; width: number; height: number; objectType: GraphObjectType }
  | { kind: 'interface'; id: string; width: number; height: number; iface: GraphInterface };

export type ModelEdge =
  | { kind: 'link'; id: string; source: string; target: string; link: GraphLinkType; label: LabelBox | null }
  | { kind: 'implements'; id: string; source: string; target: string; label: null };

export interface LabelBox {
  /** ELK places only labels that have text. */
  text: string;
  width: number;
  height: number;
}

export const NODE_SIZE = {
  objectType: { width: 232, height: 52 },
  interface: { width: 184, height: 36 },
} as const;

export const CARDINALITY_SHORT: Record<Cardinality, string> = {
  'one-to-one': '1:1',
  'one-to-many': '1:N',
  'many-to-many': 'N:M',
};

// Beyond this the layout reserves no room for edge labels: they show only when zoomed in, where a few
// overlaps are the price of a layout that finishes in seconds instead of tens of seconds.
const MAX_LABELLED_EDGES = 150;

/** Width of an edge label as the edge draws it: a cardinality chip, then "forward / reverse". */
export function labelWidth(link: Pick<GraphLinkType, 'forwardName' | 'reverseName'>): number {
  return CHIP_WIDTH + LABEL_GAP + Math.ceil(linkNames(link).length * CHAR_WIDTH) + LABEL_PADDING * 2;
}
export const CHIP_WIDTH = 24;
export const LABEL_GAP = 4;
export const LABEL_PADDING = 4;
export const LABEL_HEIGHT = 16;
// 10px system-ui averages a little under 5.6px per character; overestimating keeps text inside its box.
const CHAR_WIDTH = 5.6;

export function linkNames(link: Pick<GraphLinkType, 'forwardName' | 'reverseName'>): string {
  return link.reverseName ? `${link.forwardName} / ${link.reverseName}` : link.forwardName;
}

export function buildGraphModel(input: {
  objectTypes: readonly GraphObjectType[];
  interfaces?: readonly GraphInterface[] | undefined;
  implementsEdges?: readonly GraphImplementsEdge[] | undefined;
  linkTypes: readonly GraphLinkType[];
}): GraphModel {
  const nodes: ModelNode[] = [
    ...input.objectTypes.map((objectType): ModelNode => ({ kind: 'objectType', id: objectType.id, ...NODE_SIZE.objectType, objectType })),
    ...(input.interfaces ?? []).map((iface): ModelNode => ({ kind: 'interface', id: iface.id, ...NODE_SIZE.interface, iface })),
  ];
  const known = new Set(nodes.map((n) => n.id));
  const labelled = input.linkTypes.length <= MAX_LABELLED_EDGES;

  // A link whose endpoint is not drawn (filtered out, or mid-edit) is left out rather than dangling.
  const edges: ModelEdge[] = [
    ...input.linkTypes
      .filter((l) => known.has(l.sourceId) && known.has(l.targetId))
      .map((link): ModelEdge => ({
        kind: 'link',
        id: link.id,
        source: link.sourceId,
        target: link.targetId,
        link,
        label: labelled ? { text: linkNames(link), width: labelWidth(link), height: LABEL_HEIGHT } : null,
      })),
    ...(input.implementsEdges ?? [])
      .filter((e) => known.has(e.objectTypeId) && known.has(e.interfaceId))
      .map((e): ModelEdge => ({ kind: 'implements', id: `implements:${e.objectTypeId}:${e.interfaceId}`, source: e.objectTypeId, target: e.interfaceId, label: null })),
  ];

  const neighbours = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set()]));
  const incidentEdges = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (e.source !== e.target) {
      neighbours.get(e.source)!.add(e.target);
      neighbours.get(e.target)!.add(e.source);
    }
    incidentEdges.get(e.source)!.push(e.id);
    if (e.target !== e.source) incidentEdges.get(e.target)!.push(e.id);
  }

  const signature = [
    nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join(','),
    edges.map((e) => `${e.id}:${e.source}>${e.target}:${e.label ? e.label.width : 0}`).join(','),
  ].join('|');

  return { nodes, edges, neighbours, incidentEdges, labelsPlaced: labelled, signature };
}
