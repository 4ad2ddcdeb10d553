'use client';

import { memo, useSyncExternalStore } from 'react';
import { useEmphasisStore } from './emphasis-store';
import type { EdgeShape } from './flow-elements';
import { CARDINALITY_SHORT, CHIP_WIDTH, LABEL_GAP, LABEL_HEIGHT, LABEL_PADDING, linkNames } from './graph-model';

/**
 * Every edge in one SVG under the nodes, drawn once per layout. React Flow gets no edges: as its own edges
 * each was a separate SVG that re-ran a store selector on every frame of a pan, and (drawn only when in
 * view) mounting and unmounting long edges made the browser repaint most of the screen as the view moved.
 * A large ontology gets bare lines here; names and cardinalities are for the selection's edges (see
 * `EmphasisedEdges`) and, in a small one, for every edge.
 */
export const EdgeLayer = memo(function EdgeLayer({ edges, labelled }: { edges: readonly EdgeShape[]; labelled: boolean }) {
  return (
    <svg className="og-edges og-edges-base" aria-hidden>
      {edges.map((edge) => (
        <Edge key={edge.id} edge={edge} label={labelled ? 'both' : 'none'} />
      ))}
    </svg>
  );
});

/** The selection's edges again, over the nodes and in the accent colour, each with its names. */
export function EmphasisedEdges({ edgesById }: { edgesById: ReadonlyMap<string, EdgeShape> }) {
  const store = useEmphasisStore();
  const ids = useSyncExternalStore(store.subscribe, store.emphasisedEdges, store.emphasisedEdges);
  if (ids.length === 0) return null;
  return (
    <svg className="og-edges og-edges-emph">
      {ids.map((id) => {
        const edge = edgesById.get(id);
        return edge ? <Edge key={id} edge={edge} label="names" /> : null;
      })}
    </svg>
  );
}

/** `both`: the full label and the cardinality alone, for CSS to pick by zoom; `names`: the full label. */
type LabelForm = 'both' | 'names' | 'none';

const Edge = memo(function Edge({ edge, label }: { edge: EdgeShape; label: LabelForm }) {
  return (
    <g className={edge.kind === 'link' ? 'og-edge og-link' : 'og-edge og-implements'}>
      <path className="og-edge-path" d={edge.path} />
      <path className="og-edge-arrow" d={edge.arrow} />
      {edge.kind === 'link' && label !== 'none' ? <LinkLabel edge={edge} form={label} /> : null}
    </g>
  );
});

function LinkLabel({ edge: { link, labelCentre, labelWidth }, form }: { edge: Extract<EdgeShape, { kind: 'link' }>; form: 'both' | 'names' }) {
  const cardinality = CARDINALITY_SHORT[link.cardinality];
  const left = -labelWidth / 2;
  const at = `translate(${labelCentre.x},${labelCentre.y})`;
  return (
    <>
      <g className="og-edge-label" transform={at}>
        <title>{`${link.apiName}: ${link.forwardName} (${cardinality}) / ${link.reverseName}`}</title>
        <rect className="og-label-box" x={left} y={-LABEL_HEIGHT / 2} width={labelWidth} height={LABEL_HEIGHT} rx={3} />
        <Chip x={left + LABEL_PADDING / 2} text={cardinality} />
        <text className="og-names" x={left + LABEL_PADDING + CHIP_WIDTH + LABEL_GAP} y={0.5} dominantBaseline="middle">
          {linkNames(link)}
        </text>
      </g>
      {/* Halfway zoomed out the names are unreadable; the cardinality alone sits on the route. */}
      {form === 'both' ? (
        <g className="og-edge-chip" transform={at}>
          <Chip x={-CHIP_WIDTH / 2} text={cardinality} />
        </g>
      ) : null}
    </>
  );
}

function Chip({ x, text }: { x: number; text: string }) {
  return (
    <>
      <rect className="og-chip" x={x} y={-(LABEL_HEIGHT - 4) / 2} width={CHIP_WIDTH} height={LABEL_HEIGHT - 4} rx={2} />
      <text className="og-chip-text" x={x + CHIP_WIDTH / 2} y={0.5} textAnchor="middle" dominantBaseline="middle">
        {text}
      </text>
    </>
  );
}
