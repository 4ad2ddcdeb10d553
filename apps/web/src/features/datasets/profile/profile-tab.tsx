'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { EmptyState } from '@/components/ui/empty-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { SearchBox } from '../../ontology-workbench/shell/search-box';
import { useDatasetScope } from '../model/dataset-context';
import { formatCount } from '../model/format-count';
import { ColumnProfileCard } from './column-profile-card';

/** Per column of the version in view: the statistics computed when it was committed, as this reader may see them. */
export function ProfileTab() {
  const { datasetId, version, ordinal } = useDatasetScope();
  const trpc = useTRPC();
  const [filter, setFilter] = useState('');
  const profile = useQuery({ ...trpc.datasets.profile.queryOptions({ datasetId, ref: version?.versionId ?? '' }), enabled: Boolean(version) });
  if (!version) return <EmptyState title="Nothing to profile yet">Upload a file to this branch first.</EmptyState>;
  if (profile.isError) return <EmptyState title="The profile could not be read">{profile.error.message}</EmptyState>;
  if (!profile.data) return <TableSkeleton label="Loading the profile" />;
  const statsByName = new Map(profile.data.stats.map((s) => [s.name, s]));
  return (
    <div className="min-h-0 flex-1 overflow-auto p-3">
      <div className="mb-2 flex items-center gap-3">
        <p className="text-xs text-zinc-500">
          Profile of v{ordinal(version.versionId)}: {formatCount(version.rowCount)} rows, {version.schema.length} columns.
        </p>
        <span className="ml-auto">
          <SearchBox label="Filter columns" placeholder="Filter columns" value={filter} onChange={setFilter} />
        </span>
      </div>
      <section aria-label="Column profiles" className="grid grid-cols-[repeat(auto-fill,minmax(300px,1fr))] gap-3">
        {profile.data.schema.filter((c) => c.name.toLowerCase().includes(filter.trim().toLowerCase())).map((column) => {
          const stats = statsByName.get(column.name);
          return stats ? (
            <ColumnProfileCard key={column.name} dataType={column.dataType} stats={stats} rowCount={version.rowCount} />
          ) : (
            <article key={column.name} aria-label={`Profile of ${column.name}`} className="rounded-md border border-dashed border-zinc-300 p-3 text-xs text-zinc-500">
              {column.name}: no statistics were recorded.
            </article>
          );
        })}
      </section>
    </div>
  );
}
