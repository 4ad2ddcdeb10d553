'use client';

import { Button, type ButtonProps } from '@/components/ui/button';
import type { Connector } from '../model/dataset-types';
import { useRunNow } from './use-run-now';

/** Runs the connector now; reads "Running…" until the run has finished, in every view of it. */
export function RunNowButton({ connector, ...props }: { connector: Pick<Connector, 'connectorId' | 'datasetId' | 'name'> } & Omit<ButtonProps, 'onClick' | 'disabled' | 'children'>) {
  const { start, pending } = useRunNow(connector);
  return (
    <Button {...props} onClick={start} disabled={pending} aria-busy={pending || undefined}>
      {pending ? (
        <>
          <span className="size-2.5 animate-spin rounded-full border-[1.5px] border-current border-t-transparent" aria-hidden /> Running…
        </>
      ) : (
        'Run now'
      )}
    </Button>
  );
}
