'use client';

import { useState } from 'react';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { runTracked } from './run-tracked';

/**
 * Sends commands tracked in the top bar's command status and keeps the last refusal for the form to show on its
 * fields: what every command form and command hook otherwise wrote out by hand.
 */
export function useTrackedCommand() {
  const [failure, setFailure] = useState<DescribedError | null>(null);

  /** `onRefused` adds to the kept failure (a toast, a refresh of a stale copy). */
  const send = <T extends { commandId: string }>(
    label: string,
    mutate: () => Promise<T>,
    onAccepted: (outcome: T) => void,
    onRefused?: (failure: DescribedError) => void,
  ): void => {
    setFailure(null);
    runTracked(label, mutate).then(onAccepted, (error: unknown) => {
      const described = describeError(error);
      setFailure(described);
      onRefused?.(described);
    });
  };

  return { failure, clearFailure: () => setFailure(null), send };
}
