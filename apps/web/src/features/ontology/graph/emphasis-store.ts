'use client';

import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { GraphModel } from './graph-model';

export type NodeEmphasis = 'selected' | 'neighbour' | null;

/**
 * Which nodes and edges stand out around the selection. Each node subscribes to its own answer, so a new
 * selection re-renders the few that change instead of every node of a large graph (everything else is
 * dimmed by one attribute on the graph's root); the emphasised edges are drawn again in a layer of their own.
 */
export interface EmphasisStore {
  select(id: string | null, model: GraphModel): void;
  selectedId(): string | null;
  nodeEmphasis(id: string): NodeEmphasis;
  /** The selection's edges; the same array until the selection changes. */
  emphasisedEdges(): readonly string[];
  subscribe(listener: () => void): () => void;
}

export function createEmphasisStore(): EmphasisStore {
  let selected: string | null = null;
  let neighbours: ReadonlySet<string> = new Set();
  let edges: readonly string[] = [];
  const listeners = new Set<() => void>();
  return {
    select(id, model) {
      selected = id !== null && model.neighbours.has(id) ? id : null;
      neighbours = selected ? (model.neighbours.get(selected) ?? new Set()) : new Set();
      edges = (selected ? model.incidentEdges.get(selected) : undefined) ?? [];
      for (const listener of listeners) listener();
    },
    selectedId: () => selected,
    nodeEmphasis: (id) => (id === selected ? 'selected' : neighbours.has(id) ? 'neighbour' : null),
    emphasisedEdges: () => edges,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const EmphasisContext = createContext<EmphasisStore | null>(null);

export function useEmphasisStore(): EmphasisStore {
  const store = useContext(EmphasisContext);
  if (!store) throw new Error('Graph nodes and edges render inside <OntologyGraph>, which provides their emphasis.');
  return store;
}

export function useNodeEmphasis(id: string): NodeEmphasis {
  const store = useEmphasisStore();
  const get = useCallback(() => store.nodeEmphasis(id), [store, id]);
  return useSyncExternalStore(store.subscribe, get, get);
}
