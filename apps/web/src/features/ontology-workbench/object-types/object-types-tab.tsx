'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { TableSkeleton } from '@/components/ui/skeleton';
import { formatUtc } from '@/lib/format-time';
import { useHotkey } from '@/lib/use-hotkey';
import { entityPath } from '../model/entity-paths';
import { onBranch, useBranch } from '../model/use-branch';
import { useOntologyModel } from '../model/use-ontology-model';
import { SearchBox } from '../shell/search-box';
import { StatusBadge } from '../shell/status-badge';
import { NewObjectTypePanel } from './new-object-type-panel';
import { NO_FILTERS, objectTypeRows, type ObjectTypeFilters, type ObjectTypeRow } from './object-type-filters';
import { VirtualTable, type Column } from './virtual-table';

const COLUMNS: readonly Column<ObjectTypeRow>[] = [
  { header: 'API name', width: 'minmax(10rem,1.2fr)', cell: (r) => r.entity.definition.apiName, className: 'font-mono text-xs font-medium text-zinc-900' },
  { header: 'Display name', width: 'minmax(10rem,1.4fr)', cell: (r) => r.entity.definition.displayName },
  { header: 'Properties', width: '5.5rem', cell: (r) => String(r.entity.definition.properties.length), className: 'justify-end' },
  { header: 'Primary key', width: 'minmax(7rem,0.8fr)', cell: (r) => r.entity.definition.primaryKey ?? '—', className: 'font-mono text-xs' },
  { header: 'Status', width: '7rem', cell: (r) => <StatusBadge status={r.entity.definition.status} /> },
  { header: 'Links', width: '4rem', cell: (r) => String(r.linkCount), className: 'justify-end' },
  { header: 'Changed by', width: 'minmax(9rem,0.9fr)', cell: (r) => r.entity.changedBy, className: 'text-zinc-600' },
  { header: 'Changed at', width: '10.5rem', cell: (r) => formatUtc(r.entity.changedAt), className: 'text-zinc-600' },
];

/** The Object types tab: search, filters, a virtualised list that opens each type's page, and "New object type" (n). */
export function ObjectTypesTab({ ontologyId }: { ontologyId: string }) {
  const branch = useBranch();
  const router = useRouter();
  const model = useOntologyModel(ontologyId, branch);
  const [filters, setFilters] = useState<ObjectTypeFilters>(NO_FILTERS);
  const { text, setText } = useSearchParamText();
  const [formOpen, setFormOpen] = useState(false);
  const openForm = useCallback(() => setFormOpen(true), []);
  const closeForm = useCallback(() => setFormOpen(false), []);
  useHotkey('n', openForm, !formOpen);

  const all = model.data?.entities.objectType ?? [];
  const rows = useMemo(() => (model.data ? objectTypeRows(model.data, { ...filters, text }) : []), [model.data, filters, text]);
  const filtered = text.trim() !== '' || filters.status !== 'any' || filters.primaryKey !== 'any' || filters.links !== 'any';
  const open = (row: ObjectTypeRow) => router.push(onBranch(entityPath(ontologyId, 'objectType', row.entity.id), branch));

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2 p-3">
      {model.data?.closed ? <Callout tone="amber" title="This branch is closed">It was merged or abandoned and can no longer be edited.</Callout> : null}
      <Panel
        className="min-h-0 flex-1"
        title="Object types"
        meta={filtered ? `${rows.length} of ${all.length} shown` : `${all.length} object types`}
        actions={
          <>
            <SearchBox label="Search object types" placeholder="API name, display name, description…" value={text} onChange={setText} />
            <FilterSelect label="Status" value={filters.status} onChange={(status) => setFilters((f) => ({ ...f, status }))} options={['any', 'experimental', 'active', 'deprecated']} />
            <FilterSelect label="Primary key" value={filters.primaryKey} onChange={(primaryKey) => setFilters((f) => ({ ...f, primaryKey }))} options={['any', 'with', 'without']} />
            <FilterSelect label="Used by links" value={filters.links} onChange={(links) => setFilters((f) => ({ ...f, links }))} options={['any', 'used', 'unused']} />
            <Button variant="primary" size="sm" onClick={openForm} title="New object type (n)">
              <Icon name="plus" width={14} height={14} /> New object type <Kbd>n</Kbd>
            </Button>
          </>
        }
      >
        <div className="flex h-full min-h-0 flex-col">
          {!model.data ? (
            <TableSkeleton label="Loading object types" />
          ) : all.length === 0 ? (
            <EmptyState title="No object types yet" action={<Button onClick={openForm}>New object type</Button>}>
              Object types describe the things your data is about — customers, vessels, orders. Press <Kbd>n</Kbd> to define one.
            </EmptyState>
          ) : rows.length === 0 ? (
            <EmptyState title="Nothing matches" action={<Button onClick={() => (setFilters(NO_FILTERS), setText(''))}>Clear search and filters</Button>}>
              Search looks at API names, display names and descriptions.
            </EmptyState>
          ) : (
            <VirtualTable label="Object types" rows={rows} columns={COLUMNS} rowKey={(r) => r.entity.id} onOpen={open} />
          )}
        </div>
      </Panel>
      <NewObjectTypePanel open={formOpen} onClose={closeForm} ontologyId={ontologyId} branch={branch} />
    </div>
  );
}

function FilterSelect<T extends string>({ label, value, onChange, options }: { label: string; value: T; onChange: (v: T) => void; options: readonly T[] }) {
  return (
    <Select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)} className="h-6 w-auto! text-xs">
      {options.map((o) => (
        <option key={o} value={o}>
          {o === 'any' ? `${label}: any` : `${label}: ${o}`}
        </option>
      ))}
    </Select>
  );
}

/** The search text, mirrored into `?q=` so a search can be linked to (the global search sets it). */
function useSearchParamText() {
  const pathname = usePathname();
  const params = useSearchParams();
  const urlText = params.get('q') ?? '';
  const [text, setText] = useState(urlText);
  useEffect(() => setText(urlText), [urlText]);
  useEffect(() => {
    if (text === urlText) return;
    const next = new URLSearchParams(window.location.search);
    if (text) next.set('q', text);
    else next.delete('q');
    const query = next.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  }, [text, urlText, pathname]);
  return { text, setText };
}
