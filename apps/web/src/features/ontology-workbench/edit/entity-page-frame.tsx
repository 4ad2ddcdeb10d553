'use client';

import { useState, type ReactNode } from 'react';
import { ENTITY_LABEL, type EntityKind } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { formatUtc } from '@/lib/format-time';
import { HistoryPanel } from '../history/history-panel';
import { DeleteEntityButton } from './delete-entity-button';
import { EditorStatus } from './editor-status';
import type { EntityEditor } from './use-entity-editor';

/** An entity page: title, version line, Definition / History, delete, the save strip, and the definition form. */
export function EntityPageFrame<K extends EntityKind>({
  ontologyId,
  branch,
  kind,
  editor,
  subtitle,
  afterDelete,
  children,
}: {
  ontologyId: string;
  branch: string;
  kind: K;
  editor: EntityEditor<K>;
  subtitle?: ReactNode;
  afterDelete: string;
  children: ReactNode;
}) {
  const [tab, setTab] = useState<'definition' | 'history'>('definition');
  const { base } = editor;
  if (!base) return null;
  const label = ENTITY_LABEL[kind];
  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-auto">
      <div className="flex items-center gap-3 border-b border-zinc-200 bg-white px-4 py-2">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
            <span className="font-mono">{base.definition.apiName}</span>
            {subtitle}
            {editor.dirty ? <Badge tone="blue">edited</Badge> : null}
          </h2>
          <p className="text-2xs text-zinc-500">
            <span className="capitalize">{label}</span> · version {base.version} · changed by {base.changedBy} at {formatUtc(base.changedAt)}
          </p>
        </div>
        <div role="tablist" aria-label={`${label} views`} className="ml-auto flex gap-0.5 rounded border border-zinc-200 bg-zinc-50 p-0.5">
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
        <DeleteEntityButton ontologyId={ontologyId} branch={branch} kind={kind} entity={base} afterPath={afterDelete} />
      </div>
      <div className="space-y-3 p-3">
        <EditorStatus kind={kind} editor={editor} />
        {tab === 'history' ? (
          <div role="tabpanel" aria-label="History">
            <HistoryPanel ontologyId={ontologyId} branch={branch} kind={kind} entity={base} />
          </div>
        ) : (
          <form
            role="tabpanel"
            aria-label={`Edit ${label} ${base.definition.apiName}`}
            onSubmit={(e) => {
              e.preventDefault();
              void editor.save();
            }}
          >
            {children}
            <button type="submit" hidden />
          </form>
        )}
      </div>
    </div>
  );
}
