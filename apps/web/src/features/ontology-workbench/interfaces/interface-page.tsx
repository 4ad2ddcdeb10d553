'use client';

import Link from 'next/link';
import type { OntologyView } from '@spice/domain';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { EntityPageFrame } from '../edit/entity-page-frame';
import { useEntityEditor } from '../edit/use-entity-editor';
import { entityPath } from '../model/entity-paths';
import { onBranch, ontologyPath, useBranch } from '../model/use-branch';
import { findEntity, useOntologyModel } from '../model/use-ontology-model';
import { InterfaceForm } from './interface-form';


export function InterfacePage({ ontologyId, interfaceId }: { ontologyId: string; interfaceId: string }) {
  const branch = useBranch();
  const model = useOntologyModel(ontologyId, branch);
  if (!model.data) return <TableSkeleton label="Loading interface" />;
  if (!findEntity(model.data, 'interface', interfaceId)) return <EmptyState title="No such interface on this branch" />;
  return <InterfaceEditor key={`${branch}:${interfaceId}`} ontologyId={ontologyId} branch={branch} model={model.data} interfaceId={interfaceId} />;
}

function InterfaceEditor({ ontologyId, branch, model, interfaceId }: { ontologyId: string; branch: string; model: OntologyView; interfaceId: string }) {
  const editor = useEntityEditor({ ontologyId, branch, kind: 'interface', entity: findEntity(model, 'interface', interfaceId) });
  const { draft, base } = editor;
  if (!draft || !base) return null;
  const implementers = model.entities.objectType.filter((o) => o.definition.implements.includes(base.definition.apiName));
  return (
    <EntityPageFrame
      ontologyId={ontologyId}
      branch={branch}
      kind="interface"
      editor={editor}
     
      afterDelete={onBranch(ontologyPath(ontologyId, '/interfaces'), branch)}
      subtitle={<span className="font-normal text-zinc-600">{draft.displayName}</span>}
    >
      <div className="grid grid-cols-[minmax(0,1fr)_20rem] gap-3">
        <Panel title="Definition">
          <div className="p-3">
            <InterfaceForm idPrefix="if" draft={draft} model={model} issues={editor.issues} onChange={editor.setDraft} />
          </div>
        </Panel>
        <Panel title="Implemented by" meta={`${implementers.length}`}>
          {implementers.length === 0 ? (
            <p className="px-3 py-2 text-xs text-zinc-500">No object type implements it yet; add it from an object type’s page.</p>
          ) : (
            <ul aria-label="Implemented by" className="divide-y divide-zinc-100">
              {implementers.map((o) => (
                <li key={o.id} className="px-3 py-1.5 text-xs">
                  <Link href={onBranch(entityPath(ontologyId, 'objectType', o.id), branch)} className="font-mono text-accent-700 hover:underline">
                    {o.definition.apiName}
                  </Link>{' '}
                  <span className="text-zinc-500">{o.definition.displayName}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </EntityPageFrame>
  );
}
