'use client';

import { Panel, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, useSyncExternalStore, type CSSProperties } from 'react';
import type { GraphLayout } from './elk-layout';
import { useEmphasisStore, type NodeEmphasis } from './emphasis-store';
import type { GraphModel } from './graph-model';
import { NAMES_FROM_ZOOM, useLod } from './level-of-detail';
import { labelBudget, overviewCandidates, placeOverviewLabels, type OverviewLabel } from './overview-placement';

// Labels are placed again at each step of 2^(1/4) in zoom (about one wheel notch), sized for the step's
// lower end: within a step they grow with the zoom by less than a fifth and never come to overlap.
const STEPS_PER_DOUBLING = 4;
const zoomStep = (s: ReactFlowState) => Math.floor(Math.log2(s.transform[2]) * STEPS_PER_DOUBLING);

/** Zoomed out: readable names for the types that have room, and a count of those that have not. */
export function OverviewLabels({ model, layout, onPick, onOpen }: { model: GraphModel; layout: GraphLayout; onPick: (id: string) => void; onOpen: (id: string) => void }) {
  const far = useLod() === 'far';
  const zoom = 2 ** (useStore(zoomStep) / STEPS_PER_DOUBLING);
  const store = useEmphasisStore();
  const selectedId = useSyncExternalStore(store.subscribe, store.selectedId, store.selectedId);
  const candidates = useMemo(() => (far ? overviewCandidates(model, layout, selectedId) : []), [far, model, layout, selectedId]);
  const placed = useMemo(() => placeOverviewLabels(candidates, zoom, labelBudget(candidates.length, zoom, NAMES_FROM_ZOOM)), [candidates, zoom]);
  if (!far) return null;
  const unnamed = model.nodes.length - placed.length;
  const emphasisOf = (id: string): NodeEmphasis => (id === selectedId ? 'selected' : selectedId && model.neighbours.get(selectedId)?.has(id) ? 'neighbour' : null);
  return (
    <>
      <ViewportPortal>
        <div className="og-overview" style={{ '--og-label-scale': 1 / zoom } as CSSProperties}>
          {placed.map((label) => (
            <Pill key={label.id} label={label} emphasis={emphasisOf(label.id)} onPick={onPick} onOpen={onOpen} />
          ))}
        </div>
      </ViewportPortal>
      {unnamed > 0 ? (
        <Panel position="top-left" className="og-legend">
          Zoomed out: {placed.length.toLocaleString('en')} of {model.nodes.length.toLocaleString('en')} named, most-linked first. Zoom in, or press{' '}
          <kbd>/</kbd> to find one of the other {unnamed.toLocaleString('en')}.
        </Panel>
      ) : null}
    </>
  );
}

/** Clicks act as they would on the type's box, which the pill covers (with some of its neighbours). */
const Pill = memo(function Pill({ label, emphasis, onPick, onOpen }: { label: OverviewLabel; emphasis: NodeEmphasis; onPick: (id: string) => void; onOpen: (id: string) => void }) {
  const style = { left: label.centre.x, top: label.centre.y, '--og-color': label.color ?? undefined } as CSSProperties;
  return (
    <div
      className="og-pill"
      data-emph={emphasis ?? undefined}
      style={style}
      title={`${label.name}: ${label.links} ${label.links === 1 ? 'link' : 'links'}`}
      onClick={() => onPick(label.id)}
      onDoubleClick={() => onOpen(label.id)}
    >
      <span className="og-pill-name">{label.name}</span>
      <span className="og-pill-count">{label.links}</span>
    </div>
  );
});
