import type { Metadata } from 'next';
import { MAIN_BRANCH } from '@spice/domain';
import { ObjectTypePage } from '@/features/ontology-workbench/object-type/object-type-page';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';

export const metadata: Metadata = { title: 'Object type' };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ ontologyId: string; objectTypeId: string }>;
  searchParams: Promise<{ branch?: string | string[] }>;
}) {
  const { ontologyId, objectTypeId } = await params;
  const requested = (await searchParams).branch;
  const branch = (Array.isArray(requested) ? requested[0] : requested) || MAIN_BRANCH;
  // Awaited, so the first paint already shows the type (the client's cache starts with it; a failure is refetched there).
  await getQueryClient().prefetchQuery(trpc.model.entities.objectType.queryOptions({ ontologyId, branch, id: objectTypeId }));
  return (
    <HydrateClient>
      <ObjectTypePage ontologyId={ontologyId} objectTypeId={objectTypeId} />
    </HydrateClient>
  );
}
