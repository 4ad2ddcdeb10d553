'use client';

import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { describeError } from '@/lib/describe-error';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useHotkey } from '@/lib/use-hotkey';
import { useTRPC } from '@/trpc/react';
import { NewObjectTypePanel } from './new-object-type-panel';
import { ObjectTypeDetails } from './object-type-details';
import { ObjectTypeTable } from './object-type-table';
import { useLiveOntology } from './use-live-ontology';

export function ObjectTypesView({ ontologyId, dataTypes, keyTypes }: { ontologyId: string; dataTypes: readonly string[]; keyTypes: readonly string[] }) {
  const trpc = useTRPC();
  const live = useLiveOntology();
  const { data: objectTypes } = useSuspenseQuery(trpc.ontology.listObjectTypes.queryOptions({ ontologyId }));

  const [formOpen, setFormOpen] = useState(false);
  const openForm = useCallback(() => setFormOpen(true), []);
  const closeForm = useCallback(() => setFormOpen(false), []);
  useHotkey('n', openForm, !formOpen);

  const { text, setText, query } = useSearchText();
  const search = useQuery({
    ...trpc.ontology.searchObjectTypes.queryOptions({ ontologyId, text: query }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  });

  const rows = useMemo(() => {
    if (query === '' || !search.data) return objectTypes;
    const byId = new Map(objectTypes.map((o) => [o.id, o]));
    return search.data.flatMap((hit) => byId.get(hit.id) ?? []);
  }, [objectTypes, query, search.data]);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = useSelection(objectTypes, selectedId);

  return (
    <>
      <PageHeader
        section="Ontology"
        title="Object types"
        description={`The kinds of things in the ${ontologyId} ontology, with their properties and keys.`}
        actions={
          <Button variant="primary" onClick={openForm} title="New object type (n)">
            <Icon name="plus" width={14} height={14} /> New object type <Kbd>n</Kbd>
          </Button>
        }
      />
      <div className="flex min-h-0 flex-1 gap-3 p-3">
        <Panel
          className="min-w-0 flex-1"
          title="All object types"
          meta={query ? `${rows.length} of ${objectTypes.length} match “${query}”` : `${objectTypes.length} object types`}
          actions={
            <>
              <LiveBadge status={live.status} />
              <div className="relative">
                <Icon name="search" width={14} height={14} className="absolute top-1.5 left-2 text-zinc-400" />
                <input
                  type="search"
                  aria-label="Search object types"
                  placeholder="Search name, description, properties…"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  className="h-6 w-64 rounded border border-zinc-300 bg-white pr-2 pl-7 text-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none"
                />
              </div>
            </>
          }
        >
          {search.isError ? (
            <div className="p-3">
              <Callout title={describeError(search.error).title}>{describeError(search.error).message}</Callout>
            </div>
          ) : objectTypes.length === 0 ? (
            <EmptyState title="No object types yet" action={<Button onClick={openForm}>New object type</Button>}>
              Object types describe the things your data is about — customers, vessels, orders. Press <Kbd>n</Kbd> to define one.
            </EmptyState>
          ) : query !== '' && rows.length === 0 && !search.isFetching ? (
            <EmptyState title={`Nothing matches “${query}”`}>Search looks at API names, display names, descriptions and property names.</EmptyState>
          ) : (
            <ObjectTypeTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </Panel>
        {selected ? (
          <ObjectTypeDetails
            key={selected.row.id}
            ontologyId={ontologyId}
            objectType={selected.row}
            gone={selected.gone}
            dataTypes={dataTypes}
            keyTypes={keyTypes}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </div>
      <NewObjectTypePanel open={formOpen} onClose={closeForm} ontologyId={ontologyId} dataTypes={dataTypes} keyTypes={keyTypes} />
    </>
  );
}

function LiveBadge({ status }: { status: 'idle' | 'connecting' | 'pending' | 'error' }) {
  if (status === 'pending') return <Badge tone="green" dot>Live</Badge>;
  if (status === 'error') return <Badge tone="red" dot>Live updates off</Badge>;
  return <Badge tone="amber" dot>Connecting</Badge>;
}

/** The search box's text, mirrored into `?q=` so a search can be linked to (and set by the global search). */
function useSearchText() {
  const pathname = usePathname();
  const urlQuery = useSearchParams().get('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const debounced = useDebouncedValue(text, 200);

  useEffect(() => setText(urlQuery), [urlQuery]);
  useEffect(() => {
    if (debounced === urlQuery) return;
    window.history.replaceState(null, '', debounced ? `${pathname}?q=${encodeURIComponent(debounced)}` : pathname);
  }, [debounced, urlQuery, pathname]);

  return { text, setText, query: debounced.trim() };
}

/**
 * The selected type as the list has it now, or, once it left the list (deleted, here or elsewhere), as it
 * was last seen: the details panel then says so instead of vanishing under an editor.
 */
function useSelection(objectTypes: readonly ObjectTypeRow[], selectedId: string | null): { row: ObjectTypeRow; gone: boolean } | null {
  const lastSeen = useRef<ObjectTypeRow | null>(null);
  const row = objectTypes.find((o) => o.id === selectedId) ?? null;
  useEffect(() => {
    lastSeen.current = row ?? (lastSeen.current?.id === selectedId ? lastSeen.current : null);
  });
  if (row) return { row, gone: false };
  const last = lastSeen.current;
  return last && last.id === selectedId ? { row: last, gone: true } : null;
}
