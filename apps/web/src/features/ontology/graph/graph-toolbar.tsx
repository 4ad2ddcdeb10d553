'use client';

import { useId, useState, type ReactNode, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import type { SearchHit } from './graph-search';

/** The strip above the canvas: find-and-zoom, what is drawn, fit to screen. */
export function GraphToolbar({
  inputRef,
  search,
  onZoomTo,
  onFitView,
  summary,
  status,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  search: (query: string) => SearchHit[];
  onZoomTo: (id: string) => void;
  onFitView: () => void;
  summary: ReactNode;
  status?: ReactNode;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = open ? search(query) : [];
  const listId = useId();
  const current = hits[Math.min(active, hits.length - 1)];

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onZoomTo(hit.id);
    setOpen(false);
  };

  return (
    <div className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white px-2">
      <div className="relative">
        <Icon name="search" width={14} height={14} className="pointer-events-none absolute top-1.5 left-2 text-zinc-400" />
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label="Find a type"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
          aria-autocomplete="list"
          placeholder="Find a type…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((i) => (hits.length === 0 ? 0 : (Math.min(i, hits.length - 1) + step + hits.length) % hits.length));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(current);
            } else if (e.key === 'Escape') {
              // Esc leaves the box for the canvas; a second Esc there clears the selection.
              e.stopPropagation();
              setQuery('');
              e.currentTarget.blur();
            }
          }}
          className="h-6 w-60 rounded border border-zinc-300 bg-white pr-7 pl-7 text-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none"
        />
        <span className="pointer-events-none absolute top-1 right-1.5 opacity-70">
          <Kbd>/</Kbd>
        </span>
        {open && query.trim() !== '' ? (
          <ul id={listId} role="listbox" aria-label="Matching types" className="absolute top-7 left-0 z-20 w-80 overflow-hidden rounded-md border border-zinc-200 bg-white py-1 shadow-lg">
            {hits.length === 0 ? (
              <li className="px-2 py-1 text-xs text-zinc-500">No type matches “{query.trim()}”</li>
            ) : (
              hits.map((hit) => (
                <li
                  key={hit.id}
                  id={`${listId}-${hit.id}`}
                  role="option"
                  aria-selected={hit === current}
                  // Chosen on mouse down: a click would blur the input first and close the list under it.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(hit);
                  }}
                  className={cn('flex cursor-pointer items-baseline gap-2 px-2 py-0.5 text-xs', hit === current ? 'bg-accent-50 text-accent-700' : 'text-zinc-800')}
                >
                  <span className="truncate font-medium">{hit.displayName}</span>
                  <span className="truncate font-mono text-2xs text-zinc-500">{hit.apiName}</span>
                  {hit.kind === 'interface' ? <span className="ml-auto text-2xs text-zinc-500">interface</span> : null}
                </li>
              ))
            )}
          </ul>
        ) : null}
      </div>
      <span className="truncate text-2xs text-zinc-500">{summary}</span>
      <div className="ml-auto flex items-center gap-2">
        {status}
        <Button size="sm" variant="ghost" onClick={onFitView} title="Fit the whole graph on screen">
          Fit view
        </Button>
      </div>
    </div>
  );
}
