'use client';

import { useCallback, useState } from 'react';
import type { ObjectTypeDefinition, ObjectTypePageView } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Callout } from '@/components/ui/callout';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useHotkey } from '@/lib/use-hotkey';
import { DeleteEntityButton } from '../edit/delete-entity-button';
import { EditorStatus } from '../edit/editor-status';
import { issuesAt } from '../edit/issues';
import { useEntityEditor } from '../edit/use-entity-editor';
import { HistoryPanel } from '../history/history-panel';
import { onBranch, ontologyPath, useBranch } from '../model/use-branch';
import { useObjectTypePage } from '../model/use-object-type-page';
import { StatusBadge } from '../shell/status-badge';
import { GroupsField } from './groups-field';
import { ImplementsPanel } from './implements-panel';
import { KeySpec } from './key-spec';
import { LinksPanel } from './links-panel';
import { ObjectTypeDetailsForm } from './object-type-details-form';
import { PropertiesTable } from './properties-table';
import { UsedByPanel } from './used-by-panel';

/** One object type's page; its data comes with the server render, and live updates refetch it. */
export function ObjectTypePage({ ontologyId, objectTypeId }: { ontologyId: string; objectTypeId: string }) {
  const branch = useBranch();
  const page = useObjectTypePage(ontologyId, branch, objectTypeId);
  if (page.isError) {
    const failure = describeError(page.error);
    if (failure.code !== 'NOT_FOUND') return <Callout title={failure.title}>{failure.message}</Callout>;
    return (
      <EmptyState title="No such object type on this branch">
        It may have been deleted, or it exists on another branch. <a href={onBranch(ontologyPath(ontologyId), branch)} className="text-accent-700 hover:underline">Back to object types</a>
      </EmptyState>
    );
  }
  if (!page.data) return <TableSkeleton label="Loading object type" />;
  return <ObjectTypeEditor key={`${branch}:${objectTypeId}`} ontologyId={ontologyId} branch={branch} page={page.data} />;
}

function ObjectTypeEditor({ ontologyId, branch, page }: { ontologyId: string; branch: string; page: ObjectTypePageView }) {
  const editor = useEntityEditor({ ontologyId, branch, kind: 'objectType', entity: page.objectType });
  const [tab, setTab] = useState<'definition' | 'history'>('definition');
  const focusFirstField = useCallback(() => {
    setTab('definition');
    requestAnimationFrame(() => document.getElementById('ot-display-name')?.focus());
  }, []);
  useHotkey('e', focusFirstField);
  const { base, draft } = editor;
  if (!base || !draft) return null;
  const change = (patch: Partial<ObjectTypeDefinition>) => editor.setDraft((d) => ({ ...d, ...patch }));

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-auto">
      <div className="flex items-center gap-3 border-b border-zinc-200 bg-white px-4 py-2">
        <span
          aria-hidden
          className="flex size-7 shrink-0 items-center justify-center rounded text-sm font-semibold text-white"
          style={{ background: draft.color ?? '#71717a' }}
        >
          {draft.icon && draft.icon.length <= 2 ? draft.icon : draft.displayName.charAt(0)}
        </span>
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
            <span className="font-mono">{base.definition.apiName}</span>
            <span className="font-normal text-zinc-600">{draft.displayName}</span>
            <StatusBadge status={draft.status} />
            {editor.dirty ? <Badge tone="blue">edited</Badge> : null}
          </h2>
          <p className="text-2xs text-zinc-500">
            Object type · version {base.version} · changed by {base.changedBy} at {formatUtc(base.changedAt)}
          </p>
        </div>
        <span className="ml-auto text-2xs text-zinc-500">
          <Kbd>e</Kbd> edit · <Kbd>Ctrl S</Kbd> save · <Kbd>Esc</Kbd> discard
        </span>
        <div role="tablist" aria-label="Object type views" className="flex gap-0.5 rounded border border-zinc-200 bg-zinc-50 p-0.5">
          {(['definition', 'history'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={cn('rounded px-2.5 py-0.5 text-xs font-medium capitalize', tab === t ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-500 hover:text-zinc-800')}
            >
              {t}
            </button>
          ))}
        </div>
        <DeleteEntityButton ontologyId={ontologyId} branch={branch} kind="objectType" entity={base} afterPath={onBranch(ontologyPath(ontologyId), branch)} />
      </div>
      <div className="space-y-3 p-3">
        <EditorStatus kind="objectType" editor={editor} />
        {page.issues.length > 0 ? (
          <Callout tone="amber" title="Problems under today’s rules">
            <ul aria-label="Problems" className="list-disc pl-4">
              {page.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <span className="font-mono">{i.path}</span>: {i.message}
                </li>
              ))}
            </ul>
          </Callout>
        ) : null}
        {tab === 'history' ? (
          <div role="tabpanel" aria-label="History">
            <HistoryPanel ontologyId={ontologyId} branch={branch} kind="objectType" entity={base} />
          </div>
        ) : (
          <form
            role="tabpanel"
            aria-label={`Edit object type ${base.definition.apiName}`}
            onSubmit={(e) => {
              e.preventDefault();
              void editor.save();
            }}
            className="grid grid-cols-[minmax(0,1fr)_22rem] gap-3"
          >
            <div className="min-w-0 space-y-3">
              <Panel title="Details">
                <div className="p-3">
                  <ObjectTypeDetailsForm draft={draft} objectTypes={page.choices.objectTypes} issues={editor.issues} onChange={change} />
                </div>
              </Panel>
              <Panel title="Properties" meta={`${draft.properties.length} properties`}>
                <div className="p-2">
                  <PropertiesTable properties={draft.properties} saved={base.definition.properties} issues={editor.issues} choices={page.choices} onChange={(properties) => change({ properties })} />
                </div>
              </Panel>
              <Panel title="Keys">
                <div className="p-3">
                  <KeySpec draft={draft} issues={editor.issues} onChange={change} />
                </div>
              </Panel>
            </div>
            <div className="min-w-0 space-y-3">
              <Panel title="Links">
                <LinksPanel ontologyId={ontologyId} branch={branch} apiName={base.definition.apiName} linkTypes={page.linkTypes} />
              </Panel>
              <Panel title="Interfaces">
                <ImplementsPanel
                  ontologyId={ontologyId}
                  branch={branch}
                  implemented={draft.implements}
                  choices={page.choices.interfaces}
                  interfaces={page.interfaces}
                  errors={issuesAt(editor.issues, 'implements')}
                  onChange={(next) => change({ implements: next })}
                />
              </Panel>
              <Panel title="Used by" meta={page.referencedBy.length > 0 ? `${page.referencedBy.length}` : undefined}>
                <UsedByPanel ontologyId={ontologyId} branch={branch} references={page.referencedBy} />
              </Panel>
              <Panel title="Groups">
                <GroupsField groups={draft.groups} errors={issuesAt(editor.issues, 'groups')} onChange={(groups) => change({ groups })} />
              </Panel>
              <Panel title="Backing dataset">
                <p className="px-3 py-2 text-xs text-zinc-500">
                  {draft.backingDataset
                    ? `${draft.backingDataset.datasetId} (${draft.backingDataset.branch})`
                    : 'Not connected yet. Datasets and objectify arrive with the data pipeline; this shows the dataset the objects come from.'}
                </p>
              </Panel>
            </div>
            <button type="submit" hidden />
          </form>
        )}
      </div>
    </div>
  );
}
