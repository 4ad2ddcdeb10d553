'use client';

import ELK from 'elkjs/lib/elk-api';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { candidateDirections, fromElkGraph, pickLayout, toElkGraph, type GraphLayout } from './elk-layout';
import type { GraphModel } from './graph-model';

export type LayoutState =
  | { status: 'laying-out'; previous: { signature: string; layout: GraphLayout } | null }
  | { status: 'ready'; signature: string; layout: GraphLayout; timing: { layoutMs: number; finishedAt: number } }
  | { status: 'failed'; message: string };

// Going back to a graph seen a moment ago (another tab of the page, a filter undone) reuses its layout.
const recentLayouts = new Map<string, GraphLayout>();
const RECENT_LIMIT = 4;

function remember(signature: string, layout: GraphLayout) {
  recentLayouts.delete(signature);
  recentLayouts.set(signature, layout);
  for (const oldest of recentLayouts.keys()) {
    if (recentLayouts.size <= RECENT_LIMIT) break;
    recentLayouts.delete(oldest);
  }
}

/**
 * Lays the model out with ELK in a Web Worker, again only when its structure changes (`model.signature`):
 * renaming or recolouring a type keeps every position. A newer model cancels a layout still running by
 * ending its worker.
 */
export function useGraphLayout(model: GraphModel, viewport: RefObject<HTMLElement | null>): LayoutState {
  const latest = useRef(model);
  useEffect(() => {
    latest.current = model;
  });

  const [state, setState] = useState<LayoutState>(() => {
    const cached = recentLayouts.get(model.signature);
    return cached ? ready(model.signature, cached, 0) : { status: 'laying-out', previous: null };
  });

  const signature = model.signature;
  useEffect(() => {
    const cached = recentLayouts.get(signature);
    if (cached) {
      setState((s) => (s.status === 'ready' && s.signature === signature ? s : ready(signature, cached, 0)));
      return;
    }
    setState((s) => ({ status: 'laying-out', previous: s.status === 'ready' ? { signature: s.signature, layout: s.layout } : s.status === 'laying-out' ? s.previous : null }));
    const current = latest.current;
    const elk = new ELK({ workerFactory: () => new Worker(new URL('./elk-layout.worker.ts', import.meta.url)) });
    let cancelled = false;
    const started = performance.now();
    const box = viewport.current?.getBoundingClientRect();
    const aspect = box && box.height > 0 ? box.width / box.height : 1.6;
    // One worker takes the candidates one after the other; for the small graphs that have two that is cheap.
    Promise.all(candidateDirections(current).map((direction) => elk.layout(toElkGraph(current, direction))))
      .then((roots) => {
        if (cancelled) return;
        const layout = fromElkGraph(pickLayout(roots, aspect));
        remember(signature, layout);
        setState(ready(signature, layout, performance.now() - started));
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => elk.terminateWorker());
    return () => {
      cancelled = true;
      elk.terminateWorker();
    };
  }, [signature, viewport]);

  return state;
}

function ready(signature: string, layout: GraphLayout, layoutMs: number): LayoutState {
  return { status: 'ready', signature, layout, timing: { layoutMs, finishedAt: performance.now() } };
}
