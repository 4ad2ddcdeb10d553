'use client';

import { useStore, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, type RefObject } from 'react';

/**
 * near: everything; mid: names (drawn larger) and cardinalities; far: coloured boxes, bare lines, and the
 * overview's own labels (overview-labels.tsx). The bands sit where a box's name drops below ~9px on screen.
 */
export type Lod = 'far' | 'mid' | 'near';

/** From this zoom the boxes show their names, at 17px: 8.5px on screen and up. */
export const NAMES_FROM_ZOOM = 0.5;
const DETAILS_FROM_ZOOM = 0.8;

export function lodOf(zoom: number): Lod {
  return zoom < NAMES_FROM_ZOOM ? 'far' : zoom < DETAILS_FROM_ZOOM ? 'mid' : 'near';
}

const lodOfState = (s: ReactFlowState): Lod => lodOf(s.transform[2]);

/**
 * Puts the zoom band on the graph's root as `data-lod`, so CSS alone simplifies nodes and edges when zoomed
 * out: crossing a band re-renders nothing, and panning or zooming within one changes nothing at all.
 */
export function LevelOfDetail({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const lod = useStore(lodOfState);
  useLayoutEffect(() => {
    target.current?.setAttribute('data-lod', lod);
  }, [lod, target]);
  return null;
}

export function useLod(): Lod {
  return useStore(lodOfState);
}
