import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TableSkeleton } from '@/components/ui/skeleton';
import { HealthView } from '@/features/health/health-view';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';

export const metadata: Metadata = { title: 'Health' };

export default function HealthPage() {
  prefetch(trpc.system.getHealth.queryOptions());
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton rows={5} label="Checking components" />}>
        <HealthView />
      </Suspense>
    </HydrateClient>
  );
}
