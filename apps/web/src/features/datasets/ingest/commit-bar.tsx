'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { Select } from '@/components/ui/select';

/** The commit message, what to do with values that do not fit, and Commit (Ctrl+Enter). */
export function CommitBar({
  branch,
  message,
  badValues,
  overrides,
  pending,
  disabled,
  onMessage,
  onBadValues,
  onCommit,
}: {
  branch: string;
  message: string;
  badValues: 'fail' | 'skip';
  overrides: number;
  pending: boolean;
  disabled: boolean;
  onMessage: (m: string) => void;
  onBadValues: (v: 'fail' | 'skip') => void;
  onCommit: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !disabled && !pending) {
        e.preventDefault();
        onCommit();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [disabled, pending, onCommit]);
  return (
    <form
      aria-label="Commit"
      className="flex flex-wrap items-end gap-2 border-t border-zinc-200 bg-zinc-50 px-3 py-2"
      onSubmit={(e) => {
        e.preventDefault();
        onCommit();
      }}
    >
      <label className="flex min-w-64 flex-1 flex-col gap-0.5 text-2xs font-medium text-zinc-600">
        Commit message
        <Input aria-label="Commit message" value={message} placeholder="What this version is" disabled={disabled} onChange={(e) => onMessage(e.target.value)} />
      </label>
      <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
        Values that do not fit their type
        <Select aria-label="On bad values" value={badValues} disabled={disabled} onChange={(e) => onBadValues(e.target.value as 'fail' | 'skip')}>
          <option value="fail">fail the commit and list them</option>
          <option value="skip">skip their rows and keep the report</option>
        </Select>
      </label>
      <div className="flex items-center gap-2">
        <span className="text-2xs text-zinc-500">
          to <span className="font-mono">{branch}</span>
          {overrides ? ` · ${overrides} column${overrides > 1 ? 's' : ''} overridden` : ''}
        </span>
        <Button type="submit" variant="primary" disabled={disabled || pending}>
          {pending ? 'Committing…' : 'Commit'} <Kbd>Ctrl ↵</Kbd>
        </Button>
      </div>
    </form>
  );
}
