'use client';

import type { EntityKind } from '@spice/domain';
import { ENTITY_LABEL } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Kbd } from '@/components/ui/kbd';
import { ConflictCallout } from './conflict-callout';
import { formatPath } from './format-value';
import type { EntityEditor } from './use-entity-editor';

/**
 * The editor's save strip and its messages: unsaved changes with Save (Ctrl+S) and Discard (Esc), a note when
 * someone saved meanwhile, the conflict panel, and errors with every issue (fields also show their own).
 */
export function EditorStatus<K extends EntityKind>({ kind, editor }: { kind: K; editor: EntityEditor<K> }) {
  const { base, draft, conflict } = editor;
  if (!base || !draft) return null;
  const what = `${ENTITY_LABEL[kind]} ${base.definition.apiName}`;
  const references = editor.failure?.domainCode === 'ONTOLOGY.REFERENCED' && Array.isArray(editor.failure.context.references) ? editor.failure.context.references.map(String) : [];
  return (
    <div className="space-y-2">
      {editor.dirty || editor.saving ? (
        <div className="flex items-center gap-2 rounded border border-accent-100 bg-accent-50 px-3 py-1.5 text-xs text-accent-700" role="region" aria-label="Unsaved changes">
          <span className="font-medium">Unsaved changes: {Object.keys(editor.patch).join(', ')}</span>
          <span className="ml-auto" />
          <Button size="sm" variant="primary" onClick={() => void editor.save()} disabled={editor.saving || conflict !== null}>
            {editor.saving ? 'Saving…' : 'Save'} <Kbd>Ctrl S</Kbd>
          </Button>
          <Button size="sm" variant="ghost" onClick={editor.cancel} disabled={editor.saving}>
            Discard <Kbd>Esc</Kbd>
          </Button>
        </div>
      ) : null}
      {editor.stale && !conflict ? (
        <Callout tone="blue" title="Changed since you started editing">
          <p>
            {editor.theirs?.changedBy} saved version {editor.theirs?.version}; saving will show both versions side by side.
          </p>
        </Callout>
      ) : null}
      {editor.rebased ? (
        <Callout tone="blue" title={editor.rebased === 'reloaded' ? 'Their version is loaded' : 'Your changes are reapplied'}>
          <p>{editor.rebased === 'reloaded' ? 'Your edits were dropped.' : `On top of version ${base.version}: review them and save.`}</p>
        </Callout>
      ) : null}
      {conflict ? (
        <ConflictCallout what={what} conflict={conflict} base={base} theirs={editor.theirs} mine={draft} onReload={editor.reload} onReapply={editor.reapply} />
      ) : null}
      {editor.failure ? (
        <Callout title={editor.failure.title}>
          <p>{editor.failure.message}</p>
          {references.length > 0 ? (
            <ul className="list-disc pl-4" aria-label="Used by">
              {references.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          {editor.issues.length > 0 ? (
            <ul className="list-disc pl-4">
              {editor.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <span className="font-mono">{formatPath(i.path)}</span>: {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Callout>
      ) : null}
      {editor.dialog}
    </div>
  );
}
