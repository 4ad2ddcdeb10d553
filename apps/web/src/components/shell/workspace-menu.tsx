'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ontologyPath } from '@/features/ontology-workbench/model/use-branch';
import { describeError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { cn } from '../ui/cn';
import { Kbd } from '../ui/kbd';

const OPTION = '[data-workspace-option]';

/**
 * The workspace switcher's list: every ontology, filtered as you type, each a link to its workbench. The filter
 * has focus on open; ↓ and ↑ move through the list, Enter opens the first match, Esc closes.
 */
export function WorkspaceMenu({
  id,
  current,
  anchor,
  onClose,
}: {
  id: string;
  current: string | null;
  anchor: RefObject<HTMLElement | null>;
  onClose: (refocus: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.model.ontologies.list.queryOptions());
  const [filter, setFilter] = useState('');
  const panelRef = useRef<HTMLDivElement>(null);
  const inside = (target: EventTarget | null) =>
    target instanceof Node && (panelRef.current?.contains(target) || anchor.current?.contains(target));

  useEffect(() => {
    // The anchor toggles itself; a press anywhere else closes the list.
    const onPointerDown = (e: PointerEvent) => {
      if (!inside(e.target)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  });

  const needle = filter.trim().toLowerCase();
  const shown = (list.data ?? []).filter(
    (o) => !needle || `${o.displayName} ${o.ontologyId}`.toLowerCase().includes(needle),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const stops = [
      panelRef.current?.querySelector<HTMLElement>('input'),
      ...(panelRef.current?.querySelectorAll<HTMLElement>(OPTION) ?? []),
    ].filter((el): el is HTMLElement => !!el);
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    stops[next]?.focus();
  };

  return (
    <div
      ref={panelRef}
      id={id}
      role="dialog"
      aria-label="Switch workspace"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tabbing out closes the list (a click outside is the pointerdown above; a click inside keeps it open).
        if (e.relatedTarget && !inside(e.relatedTarget)) onClose(false);
      }}
      className="absolute top-full left-0 z-50 mt-1 w-80 rounded border border-zinc-300 bg-white text-zinc-900 shadow-xl"
    >
      <div className="border-b border-zinc-200 p-1.5">
        <input
          autoFocus
          type="search"
          aria-label="Filter ontologies"
          placeholder="Filter ontologies…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            const first = shown[0];
            if (e.key !== 'Enter' || !first) return;
            e.preventDefault();
            onClose(false);
            router.push(ontologyPath(first.ontologyId));
          }}
          className="h-7 w-full rounded border border-zinc-300 px-2 text-[13px] placeholder:text-zinc-400 focus:border-accent-500 focus:ring-2 focus:ring-accent-100 focus:outline-none"
        />
      </div>
      {list.isError ? (
        <p role="alert" className="px-3 py-2 text-xs text-red-700">
          {describeError(list.error).message}
        </p>
      ) : !list.data ? (
        <p role="status" className="px-3 py-2 text-xs text-zinc-500">
          Loading ontologies…
        </p>
      ) : shown.length === 0 ? (
        <p className="px-3 py-2 text-xs text-zinc-500">
          {list.data.length === 0 ? 'No ontologies yet.' : `No ontology matches “${filter.trim()}”.`}
        </p>
      ) : (
        <ul aria-label="Ontologies" className="max-h-80 overflow-auto py-1">
          {shown.map((o) => {
            const isCurrent = o.ontologyId === current;
            return (
              <li key={o.ontologyId}>
                <Link
                  data-workspace-option
                  href={ontologyPath(o.ontologyId)}
                  aria-current={isCurrent ? 'true' : undefined}
                  onClick={() => onClose(false)}
                  className={cn(
                    'flex items-baseline gap-2 px-3 py-1 text-[13px] hover:bg-zinc-100 focus:bg-accent-50 focus:outline-none',
                    isCurrent && 'bg-zinc-50',
                  )}
                >
                  <span
                    className={cn(
                      'size-1.5 shrink-0 rounded-full',
                      isCurrent ? 'bg-accent-500' : 'bg-transparent',
                    )}
                    aria-hidden
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{o.displayName}</span>
                    <span className="block truncate font-mono text-2xs text-zinc-500">{o.ontologyId}</span>
                  </span>
                  <span className="shrink-0 text-2xs text-zinc-500">
                    {o.objectTypes} types · {o.linkTypes} links
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex items-center justify-between border-t border-zinc-200 px-3 py-1.5 text-xs">
        <Link
          href="/ontology"
          onClick={() => onClose(false)}
          className="text-accent-700 hover:underline focus:underline focus:outline-none"
        >
          All ontologies
        </Link>
        <span className="text-2xs text-zinc-500">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> move · <Kbd>Esc</Kbd> close
        </span>
      </div>
    </div>
  );
}
