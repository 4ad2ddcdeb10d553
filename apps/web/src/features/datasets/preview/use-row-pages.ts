'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useTRPC } from '@/trpc/react';

export const PAGE_SIZE = 200;

export interface Sort {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * The pages of rows the grid shows, fetched by offset as they scroll into view. A version never changes, so a
 * page is fetched once; the first page comes straight away, the others once scrolling settles on them (a fling
 * across a million rows does not request every page it passes).
 */
export function useRowPages(datasetId: string, versionId: string, sort: Sort | null, visible: { first: number; last: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Numbers, not the range object: a fresh object each render would restart the debounce for ever.
  const first = useDebouncedValue(visible.first, 120);
  const last = useDebouncedValue(visible.last, 120);
  const pageIndexes = useMemo(() => {
    const from = Math.floor(first / PAGE_SIZE);
    const to = Math.floor(Math.max(last, first) / PAGE_SIZE);
    const indexes = new Set<number>([0]);
    for (let p = from; p <= to; p++) indexes.add(p);
    return [...indexes];
  }, [first, last]);

  const inputOf = (index: number) => ({
    datasetId,
    ref: versionId,
    offset: index * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(sort ? { sortColumn: sort.column, sortDirection: sort.direction } : {}),
  });
  const pages = useQueries({
    queries: pageIndexes.map((index) => trpc.datasets.preview.queryOptions(inputOf(index), { staleTime: Infinity, gcTime: 120_000 })),
  });

  const byIndex = new Map(pageIndexes.map((index, i) => [index, pages[i]!]));
  const firstPage = byIndex.get(0);
  return {
    first: firstPage,
    totalRows: firstPage?.data?.totalRows ?? null,
    error: pages.find((p) => p.isError)?.error ?? null,
    /** A row from a page in view, or from any page fetched before (scrolling back shows it at once). */
    row: (index: number) => {
      const page = Math.floor(index / PAGE_SIZE);
      const data = byIndex.get(page)?.data ?? queryClient.getQueryData(trpc.datasets.preview.queryKey(inputOf(page)));
      return data?.rows[index % PAGE_SIZE];
    },
  };
}
