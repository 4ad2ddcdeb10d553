'use client';

import type { OntologyView } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { EntityPageFrame } from '../edit/entity-page-frame';
import { useEntityEditor } from '../edit/use-entity-editor';
import { onBranch, ontologyPath, useBranch } from '../model/use-branch';
import { findEntity, useOntologyModel } from '../model/use-ontology-model';
import { LinkTypeForm } from './link-type-form';


export function LinkTypePage({ ontologyId, linkTypeId }: { ontologyId: string; linkTypeId: string }) {
  const branch = useBranch();
  const model = useOntologyModel(ontologyId, branch);
  if (!model.data) return <TableSkeleton label="Loading link type" />;
  if (!findEntity(model.data, 'linkType', linkTypeId)) return <EmptyState title="No such link type on this branch" />;
  return <LinkTypeEditor key={`${branch}:${linkTypeId}`} ontologyId={ontologyId} branch={branch} model={model.data} linkTypeId={linkTypeId} />;
}

function LinkTypeEditor({ ontologyId, branch, model, linkTypeId }: { ontologyId: string; branch: string; model: OntologyView; linkTypeId: string }) {
  const editor = useEntityEditor({ ontologyId, branch, kind: 'linkType', entity: findEntity(model, 'linkType', linkTypeId) });
  const { draft } = editor;
  if (!draft) return null;
  return (
    <EntityPageFrame
      ontologyId={ontologyId}
      branch={branch}
      kind="linkType"
      editor={editor}
     
      afterDelete={onBranch(ontologyPath(ontologyId, '/link-types'), branch)}
      subtitle={
        <span className="flex items-center gap-1.5 font-normal text-zinc-600">
          <span className="font-mono">{draft.sourceObjectType}</span> → <span className="font-mono">{draft.targetObjectType}</span> <Badge>{draft.cardinality}</Badge>
        </span>
      }
    >
      <Panel title="Definition" className="max-w-4xl">
        <div className="p-3">
          <LinkTypeForm idPrefix="lt" draft={draft} model={model} issues={editor.issues} onChange={editor.setDraft} />
        </div>
      </Panel>
    </EntityPageFrame>
  );
}
