'use client';

import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, type PointerEvent } from 'react';
import type { OntologyFlowNode } from './flow-elements';

const WIDTH = 168;
const HEIGHT = 112;
const PADDING = 6;

interface Frame {
  /** Graph coordinates of the minimap's top-left corner, and minimap pixels per graph unit. */
  x: number;
  y: number;
  scale: number;
}

/**
 * The whole graph in the corner, with the part in view outlined; a click or a drag there moves the view.
 * Its own rather than React Flow's MiniMap, which re-renders every node's rectangle on each frame of a pan
 * when zoomed out (its picture is fitted around the view as well as the graph); here the picture is drawn
 * once per layout and only the outline follows the view.
 */
export function GraphMinimap({ nodes, colourOf }: { nodes: readonly OntologyFlowNode[]; colourOf: (node: OntologyFlowNode) => string }) {
  const frame = useMemo(() => frameAround(nodes), [nodes]);
  const flow = useReactFlow();
  const moveTo = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    void flow.setCenter(frame.x + (e.clientX - box.left) / frame.scale, frame.y + (e.clientY - box.top) / frame.scale, { zoom: flow.getZoom() });
  };
  return (
    <Panel
      position="bottom-right"
      className="og-minimap"
      style={{ width: WIDTH, height: HEIGHT }}
      aria-label="Overview of the whole graph: click or drag to move the view"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) moveTo(e);
      }}
    >
      <Picture nodes={nodes} frame={frame} colourOf={colourOf} />
      <ViewOutline frame={frame} />
    </Panel>
  );
}

const Picture = memo(function Picture({ nodes, frame, colourOf }: { nodes: readonly OntologyFlowNode[]; frame: Frame; colourOf: (node: OntologyFlowNode) => string }) {
  return (
    <svg width={WIDTH} height={HEIGHT} aria-hidden>
      <g transform={`scale(${frame.scale}) translate(${-frame.x},${-frame.y})`}>
        {nodes.map((n) => (
          <rect key={n.id} x={n.position.x} y={n.position.y} width={n.width} height={n.height} fill={colourOf(n)} />
        ))}
      </g>
    </svg>
  );
});

/** The only part that follows the viewport: one outlined box, moved by its style. */
function ViewOutline({ frame }: { frame: Frame }) {
  const view = useStore((s: ReactFlowState) => viewRect(s, frame), sameRect);
  return <div className="og-minimap-view" style={{ transform: `translate(${view.x}px,${view.y}px)`, width: view.width, height: view.height }} />;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function viewRect(s: ReactFlowState, frame: Frame): Rect {
  const [tx, ty, zoom] = s.transform;
  const round = (n: number) => Math.round(n * 2) / 2;
  return {
    x: round((-tx / zoom - frame.x) * frame.scale),
    y: round((-ty / zoom - frame.y) * frame.scale),
    width: round((s.width / zoom) * frame.scale),
    height: round((s.height / zoom) * frame.scale),
  };
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** The graph's bounds fitted (centred) into the minimap. */
function frameAround(nodes: readonly OntologyFlowNode[]): Frame {
  if (nodes.length === 0) return { x: 0, y: 0, scale: 1 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of nodes) {
    left = Math.min(left, n.position.x);
    top = Math.min(top, n.position.y);
    right = Math.max(right, n.position.x + (n.width ?? 0));
    bottom = Math.max(bottom, n.position.y + (n.height ?? 0));
  }
  const scale = Math.min((WIDTH - 2 * PADDING) / (right - left || 1), (HEIGHT - 2 * PADDING) / (bottom - top || 1));
  return { x: left - (WIDTH / scale - (right - left)) / 2, y: top - (HEIGHT / scale - (bottom - top)) / 2, scale };
}
