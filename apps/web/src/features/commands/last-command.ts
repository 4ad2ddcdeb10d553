'use client';

import { useSyncExternalStore } from 'react';

/**
 * The last command this tab sent, for the top bar: what it was, and either the server's command id (from
 * then on the server's status is followed live) or why it never got one (refused before it was logged).
 */
export interface LastCommand {
  readonly serial: number;
  readonly label: string;
  readonly commandId: string | null;
  readonly refused: string | null;
}

let current: LastCommand | null = null;
let serial = 0;
const listeners = new Set<() => void>();

function publish(next: LastCommand): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Call when a command is sent; returns the callbacks for its answer. */
export function commandSent(label: string) {
  const mine = ++serial;
  publish({ serial: mine, label, commandId: null, refused: null });
  // A later command replaces this one in the top bar; a late answer to this one must not overwrite it.
  const settle = (patch: Pick<LastCommand, 'commandId' | 'refused'>) => {
    if (current?.serial === mine) publish({ ...current, ...patch });
  };
  return {
    accepted: (commandId: string) => settle({ commandId, refused: null }),
    refused: (message: string) => settle({ commandId: null, refused: message }),
  };
}

export function useLastCommand(): LastCommand | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}
