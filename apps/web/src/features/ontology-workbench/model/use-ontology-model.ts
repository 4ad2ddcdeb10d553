'use client';

import { useQuery } from '@tanstack/react-query';
import type { EntityKind, EntityVersion, EntityView, OntologyView } from '@spice/domain';
import { useTRPC } from '@/trpc/react';

/** The whole model of one branch. */
export function useOntologyModel(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  return useQuery(trpc.model.entities.model.queryOptions({ ontologyId, branch }));
}

/** One entity of the branch, or undefined while loading or once it is gone. */
export function findEntity<K extends EntityKind>(model: OntologyView | undefined, kind: K, id: string): EntityView<K> | undefined {
  return (model?.entities[kind] as readonly EntityView<K>[] | undefined)?.find((e) => e.id === id);
}

/** The history procedure's output is not validated (versions of any kind), so the type comes from the domain. */
export function useEntityHistory(ontologyId: string, branch: string, kind: EntityKind, id: string, enabled = true) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.model.entities.history.queryOptions({ ontologyId, branch, kind, id }), enabled });
  return { ...query, data: query.data as EntityVersion[] | undefined };
}
