import type { ReactNode } from 'react';
import { Button } from './button';

/**
 * The second step of a two-click destructive action: the action named in full (what and to what) beside
 * Cancel, so a stray click never deletes or reverts anything.
 */
export function ConfirmActions({
  children,
  onConfirm,
  onCancel,
  pending = false,
  size = 'md',
  title,
  groupLabel = 'Confirm',
}: {
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  size?: 'sm' | 'md';
  title?: string;
  groupLabel?: string;
}) {
  return (
    <span className="flex items-center gap-1" role="group" aria-label={groupLabel}>
      <Button size={size} variant="danger" disabled={pending} onClick={onConfirm} title={title}>
        {children}
      </Button>
      <Button size={size} variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </span>
  );
}
