'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useBranchCommands } from './use-branch-commands';

/** A one-line "new branch from here" form; Esc cancels. */
export function InlineNewBranch({ datasetId, from, onCreated, onCancel }: { datasetId: string; from: string; onCreated: (branch: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const { createBranch, creating, failure } = useBranchCommands(datasetId);
  const errors = failure ? (failure.issues.length ? failure.issues.map((i) => i.message) : [failure.message]) : undefined;
  return (
    <form
      aria-label="New branch"
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        createBranch(name.trim(), from, onCreated);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="flex items-center gap-1">
        <Input
          autoFocus
          aria-label="Branch name"
          placeholder="feature/q3-refresh"
          value={name}
          aria-invalid={errors ? true : undefined}
          onChange={(e) => setName(e.target.value)}
          className="w-48! font-mono text-xs"
        />
        <Button size="sm" variant="primary" type="submit" disabled={creating || name.trim() === ''}>
          Create branch
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <p className="text-2xs text-zinc-500">
        from <span className="font-mono">{from}</span>
      </p>
      <FieldErrors id="inline-new-branch-error" errors={errors} />
    </form>
  );
}
