'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { useCurrentWorkspace } from './use-current-workspace';
import { WorkspaceMenu } from './workspace-menu';

/**
 * The top bar's workspace: the current ontology's name, opening a list of every ontology to switch to.
 * A button, so Tab reaches it and Enter or Space opens it; Esc closes the list and returns here.
 */
export function WorkspaceSwitcher({ remembered }: { remembered: string | null }) {
  const trpc = useTRPC();
  const current = useCurrentWorkspace(remembered);
  const ontologies = useQuery(trpc.model.ontologies.list.queryOptions());
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);
  const name = ontologies.data?.find((o) => o.ontologyId === current)?.displayName ?? current;

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Workspace: ${name ?? 'none chosen'}`}
        onClick={() => setOpen((was) => !was)}
        className="flex max-w-64 items-center gap-1.5 rounded border border-zinc-700 px-2 py-0.5 text-xs hover:border-zinc-500 hover:bg-zinc-800 focus:border-accent-500 focus:outline-none"
      >
        <span className="text-zinc-400">Workspace</span>
        <span className="truncate font-medium">{name ?? 'Choose an ontology'}</span>
        <span aria-hidden className="text-zinc-400">
          ▾
        </span>
      </button>
      {open ? <WorkspaceMenu id={menuId} current={current} anchor={buttonRef} onClose={close} /> : null}
    </div>
  );
}
