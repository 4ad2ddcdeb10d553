'use client';

import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { TableSkeleton } from '@/components/ui/skeleton';
import { OntologyGraph } from '@/features/ontology/graph/ontology-graph';
import { entityPath } from '../model/entity-paths';
import { onBranch, useBranch } from '../model/use-branch';
import { useOntologyModel } from '../model/use-ontology-model';
import { graphProps } from './graph-props';

/** The Graph tab: the branch's object types, interfaces and links; opening a node opens its page. */
export function GraphTab({ ontologyId }: { ontologyId: string }) {
  const branch = useBranch();
  const router = useRouter();
  const model = useOntologyModel(ontologyId, branch);
  const props = useMemo(() => (model.data ? graphProps(model.data) : null), [model.data]);
  if (!model.data || !props) return <TableSkeleton label="Loading graph" />;
  const interfaces = new Set(model.data.entities.interface.map((i) => i.id));
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <OntologyGraph
        {...props}
        className="min-h-0 flex-1"
        onOpen={(id) => router.push(onBranch(entityPath(ontologyId, interfaces.has(id) ? 'interface' : 'objectType', id), branch))}
      />
    </div>
  );
}
