import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PRIMARY_KEY_TYPES, PROPERTY_DATA_TYPES } from '@spice/domain';
import { TableSkeleton } from '@/components/ui/skeleton';
import { ObjectTypesView } from '@/features/ontology/object-types-view';
import { CURRENT_ONTOLOGY_ID } from '@/lib/workspace';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';

export const metadata: Metadata = { title: 'Ontology' };

export default function OntologyPage() {
  prefetch(trpc.ontology.listObjectTypes.queryOptions({ ontologyId: CURRENT_ONTOLOGY_ID }));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton label="Loading object types" />}>
        <ObjectTypesView ontologyId={CURRENT_ONTOLOGY_ID} dataTypes={PROPERTY_DATA_TYPES} keyTypes={PRIMARY_KEY_TYPES} />
      </Suspense>
    </HydrateClient>
  );
}
