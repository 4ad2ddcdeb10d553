'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import type { BranchHeaderView } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';
import { MAIN_BRANCH, onBranch, ontologyPath } from '../model/use-branch';

/** Which branch the workbench shows (main and the open branches), and "New branch…" from main. */
export function BranchSwitcher({ ontologyId, branch, header }: { ontologyId: string; branch: string; header: BranchHeaderView | undefined }) {
  const router = useRouter();
  const pathname = usePathname();
  const [creating, setCreating] = useState(false);
  const open = (header?.branches ?? []).filter((b) => b.status === 'open').map((b) => b.name);
  const names = [MAIN_BRANCH, ...open.filter((b) => b !== MAIN_BRANCH)];
  if (!names.includes(branch)) names.push(branch);
  const switchTo = (next: string) => router.push(onBranch(pathname, next));

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor="branch-switcher" className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">
        Branch
      </label>
      <Select id="branch-switcher" aria-label="Branch" value={branch} onChange={(e) => switchTo(e.target.value)} className="w-44! font-mono text-xs">
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
      {header?.closed ? <Badge tone="amber">closed</Badge> : null}
      {branch !== MAIN_BRANCH ? (
        <Link href={ontologyPath(ontologyId, `/branches/${encodeURIComponent(branch)}`)} className="text-xs text-accent-700 hover:underline">
          Compare with main
        </Link>
      ) : null}
      {creating ? (
        <NewBranchForm
          ontologyId={ontologyId}
          onCancel={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            switchTo(name);
          }}
        />
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setCreating(true)}>
          New branch…
        </Button>
      )}
    </div>
  );
}

function NewBranchForm({ ontologyId, onCancel, onCreated }: { ontologyId: string; onCancel: () => void; onCreated: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const { failure, send } = useTrackedCommand();
  const create = useMutation(trpc.model.branches.create.mutationOptions());
  const submit = () => {
    const branch = name.trim();
    send(`Create branch ${branch}`, () => create.mutateAsync({ ontologyId, branch }), () => {
      void queryClient.invalidateQueries(trpc.model.pathFilter());
      onCreated(branch);
    });
  };
  const errors = failure ? (failure.issues.length > 0 ? failure.issues.map((i) => i.message) : [failure.message]) : undefined;
  return (
    <form
      aria-label="New branch"
      className="relative flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Input
        autoFocus
        aria-label="Branch name"
        placeholder="feature-x"
        value={name}
        aria-invalid={errors ? true : undefined}
        onChange={(e) => setName(e.target.value)}
        className="w-40! font-mono text-xs"
      />
      <Button size="sm" variant="primary" type="submit" disabled={create.isPending || name.trim() === ''}>
        Create branch
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {errors ? (
        <div className="absolute top-8 left-0 z-20 w-80 rounded border border-red-200 bg-white p-2 shadow">
          <FieldErrors id="new-branch-error" errors={errors} />
        </div>
      ) : null}
    </form>
  );
}
