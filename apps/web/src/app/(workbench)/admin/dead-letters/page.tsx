import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TableSkeleton } from '@/components/ui/skeleton';
import { DeadLettersView } from '@/features/admin/dead-letters/dead-letters-view';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';

export const metadata: Metadata = { title: 'Dead letters' };

export default function DeadLettersPage() {
  prefetch(trpc.admin.listDeadLetters.queryOptions({}));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton rows={6} label="Loading dead letters" />}>
        <DeadLettersView />
      </Suspense>
    </HydrateClient>
  );
}
