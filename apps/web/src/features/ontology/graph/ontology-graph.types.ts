/** What the ontology graph draws: plain view models, so any page can feed it from its own query. */

export type GraphObjectTypeStatus = 'experimental' | 'active' | 'deprecated';

export interface GraphObjectType {
  id: string;
  apiName: string;
  displayName: string;
  status: GraphObjectTypeStatus;
  /** `#rrggbb`, or null for the neutral accent. */
  color: string | null;
  /** An icon name or a short glyph; a glyph of one or two characters is drawn, a name only titles the node. */
  icon: string | null;
  propertyCount: number;
  primaryKey: string | null;
}

export interface GraphInterface {
  id: string;
  apiName: string;
  displayName: string;
}

export interface GraphImplementsEdge {
  objectTypeId: string;
  interfaceId: string;
}

export type Cardinality = 'one-to-one' | 'one-to-many' | 'many-to-many';

export interface GraphLinkType {
  id: string;
  apiName: string;
  sourceId: string;
  targetId: string;
  cardinality: Cardinality;
  /** Reads source to target ("employs"). */
  forwardName: string;
  /** Reads target to source ("employer"). */
  reverseName: string;
}

export interface OntologyGraphProps {
  objectTypes: readonly GraphObjectType[];
  interfaces?: readonly GraphInterface[];
  implementsEdges?: readonly GraphImplementsEdge[];
  linkTypes: readonly GraphLinkType[];
  /** The selected object type or interface; the graph keeps its own selection when this is left out. */
  selectedId?: string | null;
  /** Called with the newly selected id, or null when the selection is cleared (Esc, a click on the background). */
  onSelect?: (id: string | null) => void;
  /** Double click or Enter on a type. */
  onOpen?: (id: string) => void;
  /** Called once each new layout is on screen, with how long it took; the bench page reads it. */
  onRendered?: (timing: GraphTiming) => void;
  className?: string;
}

export interface GraphTiming {
  nodes: number;
  edges: number;
  /** From the request to the layout worker until the positions are back (0 when a recent layout was reused). */
  layoutMs: number;
  /** From the positions being back until React Flow has measured the nodes and painted twice. */
  renderMs: number;
}
