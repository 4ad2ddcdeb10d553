'use client';

import { useSyncExternalStore } from 'react';
import type { EntityKind } from '@spice/domain';

/** The last change this tab saved, which Ctrl+Z takes back by reverting the entity to the version before it. */
export interface UndoableChange {
  readonly ontologyId: string;
  readonly branch: string;
  readonly kind: EntityKind;
  readonly id: string;
  readonly apiName: string;
  /** The entity's version before the change. */
  readonly toVersion: number;
  /** The entity's version the change made: the revert expects to find it unchanged since. */
  readonly atSeq: number;
}

let last: UndoableChange | null = null;
const listeners = new Set<() => void>();

function publish(next: UndoableChange | null): void {
  last = next;
  for (const listener of listeners) listener();
}

export function rememberChange(change: UndoableChange): void {
  publish(change);
}

/** Takes the change off the stack (one level: undoing twice doesn't redo). */
export function takeUndoableChange(ontologyId: string, branch: string): UndoableChange | null {
  const change = last;
  if (!change || change.ontologyId !== ontologyId || change.branch !== branch) return null;
  publish(null);
  return change;
}

export function useUndoableChange(): UndoableChange | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => last,
    () => null,
  );
}
