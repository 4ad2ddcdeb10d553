'use client';

import '@xyflow/react/dist/style.css';
import './ontology-graph.css';
import { Controls, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, ViewportPortal, type NodeTypes } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Callout } from '@/components/ui/callout';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { useHotkey } from '@/lib/use-hotkey';
import { EdgeLayer, EmphasisedEdges } from './edge-layer';
import { createEmphasisStore, EmphasisContext } from './emphasis-store';
import { toEdgeShapes, toFlowNodes, type OntologyFlowNode } from './flow-elements';
import { GraphMinimap } from './graph-minimap';
import { GraphToolbar } from './graph-toolbar';
import { buildGraphModel, type GraphModel } from './graph-model';
import { ARROW_DIRECTIONS, neighbourTowards } from './graph-navigation';
import { searchTypes } from './graph-search';
import { InterfaceNode } from './interface-node';
import { LevelOfDetail } from './level-of-detail';
import { ObjectTypeNode } from './object-type-node';
import type { OntologyGraphProps } from './ontology-graph.types';
import { OverviewLabels } from './overview-labels';
import { useGraphLayout, type LayoutState } from './use-graph-layout';

export type * from './ontology-graph.types';

// At module scope so React Flow never sees new component types (which would remount every node).
const nodeTypes = { objectType: ObjectTypeNode, interface: InterfaceNode } satisfies NodeTypes;

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 2;
const ZOOM_TO_TYPE = 1.1;
const FIT_PADDING = 0.06;
// A small ontology is fitted at full size at most, not blown up to fill the screen.
const FIT = { padding: FIT_PADDING, maxZoom: 1 };

/**
 * The ontology as a graph: object types (and interfaces, dashed) laid out by ELK in a Web Worker, link types
 * as edges with their cardinality. Find a type with `/`, select one to light up its neighbours, move between
 * neighbours with the arrow keys, open it with Enter or a double click, clear with Esc.
 */
export function OntologyGraph(props: OntologyGraphProps) {
  if (props.objectTypes.length === 0) {
    return (
      <div className={cn('flex min-h-0 flex-1 items-center justify-center bg-white', props.className)}>
        <EmptyState title="No object types to draw">
          The graph shows object types as boxes and link types as the lines between them. Define an object type and it appears here.
        </EmptyState>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({ objectTypes, interfaces, implementsEdges, linkTypes, selectedId, onSelect, onOpen, onRendered, className }: OntologyGraphProps) {
  const model = useMemo(() => buildGraphModel({ objectTypes, interfaces, implementsEdges, linkTypes }), [objectTypes, interfaces, implementsEdges, linkTypes]);
  const rootRef = useRef<HTMLDivElement>(null);
  const layoutState = useGraphLayout(model, rootRef);
  const layout = layoutState.status === 'ready' ? layoutState.layout : layoutState.status === 'laying-out' ? (layoutState.previous?.layout ?? null) : null;
  const nodes = useMemo(() => (layout ? toFlowNodes(model, layout) : []), [model, layout]);
  const edges = useMemo(() => (layout ? toEdgeShapes(model, layout) : []), [model, layout]);
  const edgesById = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges]);
  const nodesById = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);

  const searchRef = useRef<HTMLInputElement>(null);
  const flow = useReactFlow<OntologyFlowNode>();
  const selection = useSelection(selectedId, onSelect);
  const [store] = useState(createEmphasisStore);
  useEffect(() => store.select(selection.id, model), [store, selection.id, model]);
  const focused = selection.id !== null && model.neighbours.has(selection.id);

  const centreOf = useCallback(
    (id: string) => {
      const n = nodesById.get(id);
      return n ? { x: n.position.x + (n.width ?? 0) / 2, y: n.position.y + (n.height ?? 0) / 2 } : null;
    },
    [nodesById],
  );

  const zoomTo = useCallback(
    (id: string) => {
      const centre = centreOf(id);
      if (!centre) return;
      selection.set(id);
      void flow.setCenter(centre.x, centre.y, { zoom: Math.max(flow.getZoom(), ZOOM_TO_TYPE), duration: 350 });
      rootRef.current?.focus({ preventScroll: true });
    },
    [centreOf, flow, selection],
  );

  /** Keeps a type chosen by keyboard on screen without changing the zoom. */
  const reveal = useCallback(
    (id: string) => {
      const centre = centreOf(id);
      const box = rootRef.current?.getBoundingClientRect();
      if (!centre || !box) return;
      const { x, y, zoom } = flow.getViewport();
      const sx = centre.x * zoom + x;
      const sy = centre.y * zoom + y;
      const margin = 60;
      if (sx < margin || sy < margin || sx > box.width - margin || sy > box.height - margin) void flow.setCenter(centre.x, centre.y, { zoom, duration: 200 });
    },
    [centreOf, flow],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.key === 'Escape') {
      selection.set(null);
    } else if (e.key === 'Enter' && selection.id) {
      onOpen?.(selection.id);
    } else if (ARROW_DIRECTIONS[e.key] && selection.id) {
      e.preventDefault();
      const from = centreOf(selection.id);
      const around = [...(model.neighbours.get(selection.id) ?? [])].flatMap((id) => {
        const centre = centreOf(id);
        return centre ? [{ id, centre }] : [];
      });
      const next = from ? neighbourTowards(from, ARROW_DIRECTIONS[e.key]!, around) : null;
      if (next) {
        selection.set(next);
        reveal(next);
      }
    }
  };

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useHotkey('/', focusSearch);

  const fitView = useCallback(() => void flow.fitView({ ...FIT, duration: 300 }), [flow]);
  const signature = layoutState.status === 'ready' ? layoutState.signature : null;
  const firstLayout = useRef(true);
  useEffect(() => {
    // The first layout is fitted by React Flow's `fitView` prop; later ones (the ontology changed) here.
    if (!signature) return;
    if (firstLayout.current) firstLayout.current = false;
    else void flow.fitView(FIT);
  }, [signature, flow]);

  useRenderedTiming(layoutState, model, onRendered);

  const search = useCallback((query: string) => searchTypes(model, query), [model]);
  const pick = useCallback(
    (id: string) => {
      selection.set(id);
      rootRef.current?.focus({ preventScroll: true });
    },
    [selection],
  );
  const onNodeClick = useCallback((_: unknown, node: OntologyFlowNode) => pick(node.id), [pick]);
  const open = useCallback((id: string) => onOpen?.(id), [onOpen]);
  const onNodeDoubleClick = useCallback((_: unknown, node: OntologyFlowNode) => open(node.id), [open]);
  const onPaneClick = useCallback(() => selection.set(null), [selection]);

  return (
    <EmphasisContext.Provider value={store}>
      <div className={cn('flex min-h-0 flex-1 flex-col bg-white', className)}>
        <GraphToolbar
          inputRef={searchRef}
          search={search}
          onZoomTo={zoomTo}
          onFitView={fitView}
          summary={summarise(model, objectTypes.length)}
          status={layoutState.status === 'laying-out' && layoutState.previous ? <LayingOut model={model} compact /> : null}
        />
        <div
          ref={rootRef}
          className="og-root relative min-h-0 flex-1 outline-none"
          data-focus={focused || undefined}
          role="group"
          aria-label="Ontology graph"
          aria-describedby="og-keys"
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <p id="og-keys" className="sr-only">
            Press slash to find a type. Arrow keys move the selection to a linked type, Enter opens it, Escape clears it.
          </p>
          <ReactFlow<OntologyFlowNode>
            nodes={nodes}
            nodeTypes={nodeTypes}
            onNodeClick={onNodeClick}
            onNodeDoubleClick={onNodeDoubleClick}
            onPaneClick={onPaneClick}
            onlyRenderVisibleElements
            fitView
            fitViewOptions={FIT}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            zoomOnDoubleClick={false}
            disableKeyboardA11y
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
          >
            <LevelOfDetail target={rootRef} />
            <ViewportPortal>
              <EdgeLayer edges={edges} labelled={model.labelsPlaced} />
              <EmphasisedEdges edgesById={edgesById} />
            </ViewportPortal>
            {layout ? <OverviewLabels model={model} layout={layout} onPick={pick} onOpen={open} /> : null}
            <GraphMinimap nodes={nodes} colourOf={minimapColour} />
            <Controls showInteractive={false} fitViewOptions={{ ...FIT, duration: 300 }} />
          </ReactFlow>
          {layoutState.status === 'laying-out' && !layoutState.previous ? (
            <div className="absolute inset-0 flex items-center justify-center bg-white/70">
              <LayingOut model={model} />
            </div>
          ) : null}
          {layoutState.status === 'failed' ? (
            <div className="absolute inset-x-3 top-3">
              <Callout title="The graph could not be laid out">{layoutState.message}</Callout>
            </div>
          ) : null}
        </div>
      </div>
    </EmphasisContext.Provider>
  );
}

/** Selection that follows `selectedId` when the page sets it, and reports every change through `onSelect`. */
function useSelection(selectedId: string | null | undefined, onSelect: ((id: string | null) => void) | undefined) {
  const [id, setId] = useState<string | null>(selectedId ?? null);
  const [fromProps, setFromProps] = useState(selectedId);
  if (selectedId !== fromProps) {
    setFromProps(selectedId);
    setId(selectedId ?? null);
  }
  const latestOnSelect = useRef(onSelect);
  useEffect(() => {
    latestOnSelect.current = onSelect;
  });
  const set = useCallback((next: string | null) => {
    setId(next);
    latestOnSelect.current?.(next);
  }, []);
  return useMemo(() => ({ id, set }), [id, set]);
}

function useRenderedTiming(layoutState: LayoutState, model: GraphModel, onRendered: OntologyGraphProps['onRendered']) {
  const initialised = useNodesInitialized();
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (layoutState.status !== 'ready' || !initialised || reported.current === layoutState.signature || !onRendered) return;
    reported.current = layoutState.signature;
    const { layoutMs, finishedAt } = layoutState.timing;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => onRendered({ nodes: model.nodes.length, edges: model.edges.length, layoutMs, renderMs: performance.now() - finishedAt })),
    );
  }, [layoutState, initialised, model, onRendered]);
}

function LayingOut({ model, compact }: { model: GraphModel; compact?: boolean }) {
  return (
    <div role="status" className={cn('flex items-center gap-2 text-zinc-600', compact ? 'text-2xs' : 'rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-sm')}>
      <span className="size-3 animate-spin rounded-full border-2 border-zinc-300 border-t-accent-600" aria-hidden />
      Laying out {model.nodes.length.toLocaleString('en')} types and {model.edges.length.toLocaleString('en')} links…
    </div>
  );
}

function summarise(model: GraphModel, objectTypeCount: number): string {
  const interfaces = model.nodes.length - objectTypeCount;
  const links = model.edges.filter((e) => e.kind === 'link').length;
  return [
    `${objectTypeCount.toLocaleString('en')} object ${objectTypeCount === 1 ? 'type' : 'types'}`,
    `${links.toLocaleString('en')} link ${links === 1 ? 'type' : 'types'}`,
    ...(interfaces > 0 ? [`${interfaces} ${interfaces === 1 ? 'interface' : 'interfaces'}`] : []),
  ].join(' · ');
}

function minimapColour(node: OntologyFlowNode): string {
  return node.type === 'objectType' ? (node.data.objectType.color ?? '#71717a') : '#d4d4d8';
}
