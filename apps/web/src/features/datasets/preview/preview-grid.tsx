'use client';

import { describeDataType, type DataType } from '@spice/domain';
import { useRef, useState } from 'react';
import { SearchBox } from '../../ontology-workbench/shell/search-box';
import { Callout } from '@/components/ui/callout';
import { cn } from '@/components/ui/cn';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { formatCount } from '../model/format-count';
import { alignOf, formatCell, widthOf } from './format-cell';
import { useRowPages, type Sort } from './use-row-pages';
import { useScaledVirtualizer } from './use-scaled-virtualizer';

const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 40;
const NUMBER_WIDTH = 72;

/**
 * Every row of one version, virtualised: only the rows in view are in the DOM and their pages are fetched as
 * they scroll in. Headers show each column's type; a click sorts by it (asc, desc, file order).
 */
export function PreviewGrid({ datasetId, versionId, rowCount, schema }: { datasetId: string; versionId: string; rowCount: number; schema: readonly { name: string; dataType: DataType }[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<Sort | null>(null);
  const [filter, setFilter] = useState('');
  const { virtualizer, totalHeight, realTop } = useScaledVirtualizer({ count: rowCount, rowHeight: ROW_HEIGHT, scrollRef });
  const items = virtualizer.getVirtualItems();
  const visible = { first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 };
  const pages = useRowPages(datasetId, versionId, sort, visible);
  const needle = filter.trim().toLowerCase();
  const columns = schema
    .map((c, index) => ({ ...c, index, width: widthOf(c.dataType, c.name), align: alignOf(c.dataType) }))
    .filter((c) => !needle || c.name.toLowerCase().includes(needle));
  const template = [`${NUMBER_WIDTH}px`, ...columns.map((c) => `${c.width}px`)].join(' ');
  const width = NUMBER_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);

  const toggleSort = (column: string) =>
    setSort((current) => (current?.column !== column ? { column, direction: 'asc' } : current.direction === 'asc' ? { column, direction: 'desc' } : null));

  if (pages.error) {
    const failure = describeError(pages.error);
    return (
      <div className="p-3">
        <Callout title={failure.title}>{failure.message}</Callout>
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Rows"
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + 1}
        aria-busy={pages.first?.isPending || undefined}
        tabIndex={0}
        className="relative min-h-0 flex-1 overflow-auto bg-white text-[13px] tabular-nums focus:outline-none"
      >
        <div role="row" aria-rowindex={1} className="sticky top-0 z-10 grid border-b border-zinc-300 bg-zinc-50" style={{ gridTemplateColumns: template, width, height: HEADER_HEIGHT }}>
          <div role="columnheader" className="sticky left-0 flex items-end justify-end border-r border-zinc-200 bg-zinc-50 px-2 pb-1 text-2xs text-zinc-400">
            #
          </div>
          {columns.map((c) => {
            const sorted = sort?.column === c.name ? sort.direction : null;
            return (
              <div
                key={c.name}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className="border-r border-zinc-200"
              >
                <button
                  type="button"
                  onClick={() => toggleSort(c.name)}
                  title={`Sort by ${c.name}`}
                  className={cn('flex h-full w-full flex-col justify-center px-2 text-left hover:bg-zinc-100', c.align === 'right' && 'items-end text-right')}
                >
                  <span className="flex max-w-full items-center gap-1 truncate text-xs font-semibold text-zinc-800">
                    <span className="truncate">{c.name}</span>
                    <span className="text-accent-600" aria-hidden>
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </span>
                  <span className="truncate font-mono text-2xs text-zinc-500">{describeDataType(c.dataType)}</span>
                </button>
              </div>
            );
          })}
        </div>
        <div role="rowgroup" style={{ height: totalHeight, width, position: 'relative' }}>
          {items.map((item) => {
            const row = pages.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="absolute left-0 grid border-b border-zinc-100 hover:bg-accent-50/60"
                style={{ top: 0, transform: `translateY(${realTop(item.start)}px)`, height: ROW_HEIGHT, width, gridTemplateColumns: template }}
              >
                <div role="rowheader" className="sticky left-0 flex items-center justify-end border-r border-zinc-200 bg-zinc-50 px-2 font-mono text-2xs text-zinc-400">
                  {formatCount(item.index + 1)}
                </div>
                {columns.map((c) => {
                  if (!row) return <div key={c.name} role="gridcell" aria-busy className="mx-2 my-2 animate-pulse rounded bg-zinc-100" />;
                  const value = row[c.index];
                  return (
                    <div
                      key={c.name}
                      role="gridcell"
                      title={formatCell(value)}
                      className={cn('flex items-center overflow-hidden border-r border-zinc-100 px-2 whitespace-nowrap', c.align === 'right' && 'justify-end', c.align === 'center' && 'justify-center')}
                    >
                      {value === null || value === undefined ? <span className="text-2xs text-zinc-300 italic">null</span> : <span className="truncate">{formatCell(value)}</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {pages.first?.isPending ? <TableSkeleton label="Loading rows" rows={3} /> : null}
      <div className="flex h-8 shrink-0 items-center gap-3 border-t border-zinc-200 bg-zinc-50 px-3 text-2xs text-zinc-500">
        <span aria-label="Row count">{formatCount(pages.totalRows ?? rowCount)} rows</span>
        <span>{columns.length === schema.length ? `${schema.length} columns` : `${columns.length} of ${schema.length} columns`}</span>
        {items.length ? (
          <span>
            showing {formatCount(visible.first + 1)}–{formatCount(Math.min(visible.last + 1, rowCount))}
          </span>
        ) : null}
        {sort ? (
          <span>
            sorted by <span className="font-mono">{sort.column}</span> {sort.direction}
          </span>
        ) : null}
        <span className="ml-auto">
          <SearchBox label="Filter columns" placeholder="Filter columns" value={filter} onChange={setFilter} />
        </span>
      </div>
    </div>
  );
}
