'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { describeError } from '@/lib/describe-error';

/** An inline confirmation strip: what a re-drive will do, then Confirm / Cancel. */
export function RedriveConfirm({
  label,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  label: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const failure = error ? describeError(error) : null;
  return (
    <div role="alertdialog" aria-label={label} className="space-y-2 border-b border-amber-200 bg-amber-50/70 px-3 py-2 text-xs">
      <div className="text-zinc-800">{children}</div>
      {failure ? (
        <Callout title={failure.title}>
          <p>{failure.message}</p>
          {failure.domainCode ? <p className="font-mono text-2xs opacity-70">{failure.domainCode}</p> : null}
        </Callout>
      ) : null}
      <div className="flex gap-2">
        <Button size="sm" variant="primary" disabled={pending} onClick={onConfirm}>
          {pending ? 'Re-driving…' : confirmLabel}
        </Button>
        <Button size="sm" variant="ghost" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
