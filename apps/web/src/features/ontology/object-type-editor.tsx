'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { describeError, issuesByPath, type DescribedError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';
import { useTRPC } from '@/trpc/react';
import { commandSent } from '../commands/last-command';
import { ConflictPanel } from './conflict-panel';
import { asObjectTypeConflict, type ObjectTypeConflict } from './object-type-conflict';
import { draftFromObjectType, draftToFields, emptyProperty, reapplyEdits, type ObjectTypeDraft, type PropertyDraft } from './object-type-draft';
import { PrimaryKeyField } from './primary-key-field';
import { PropertiesEditor } from './properties-editor';

const FORM_ID = 'edit-object-type-form';

/**
 * Edits one object type. The version the editor loaded is kept as the base and sent as `expectedSeq`, even
 * while live updates change the list behind it, so a concurrent change surfaces as a conflict to resolve,
 * never as a silent overwrite.
 */
export function ObjectTypeEditor({
  ontologyId,
  loaded,
  live,
  dataTypes,
  keyTypes,
  onDone,
}: {
  ontologyId: string;
  /** The type as it was when editing began. */
  loaded: ObjectTypeRow;
  /** The type as the read model has it now (null once it is gone). */
  live: ObjectTypeRow | null;
  dataTypes: readonly string[];
  keyTypes: readonly string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [base, setBase] = useState(loaded);
  const [draft, setDraft] = useState<ObjectTypeDraft>(() => draftFromObjectType(loaded));
  const [issues, setIssues] = useState<Map<string, string[]>>(new Map());
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [conflict, setConflict] = useState<ObjectTypeConflict | null>(null);
  const [rebased, setRebased] = useState<{ version: number; how: 'reloaded' | 'reapplied' } | null>(null);
  const defaultType = dataTypes[0] ?? 'string';

  const update = useMutation(
    trpc.ontology.updateObjectType.mutationOptions({
      onSuccess: (outcome) => {
        toast({
          tone: 'success',
          title: `Object type ${base.apiName} saved`,
          detail: `Command ${outcome.commandId} ${outcome.status} at sequence ${outcome.sequenceNumber}.`,
        });
        void queryClient.invalidateQueries(trpc.ontology.pathFilter());
        onDone();
      },
      onError: (error) => {
        const described = describeError(error);
        const changed = asObjectTypeConflict(described);
        if (changed) {
          setConflict(changed);
          setFailure(null);
          // Fetch their version now rather than waiting for the next live push.
          void queryClient.invalidateQueries(trpc.ontology.pathFilter());
          return;
        }
        setIssues(issuesByPath(described.issues));
        setFailure(described);
      },
    }),
  );

  const save = () => {
    if (update.isPending || conflict) return;
    setFailure(null);
    const tracked = commandSent(`Update ${base.apiName}`);
    update.mutate(
      { ontologyId, objectTypeId: base.id, expectedSeq: base.version, ...draftToFields(draft) },
      { onSuccess: (outcome) => tracked.accepted(outcome.commandId), onError: (e) => tracked.refused(describeError(e).message) },
    );
  };

  const startFrom = (theirs: ObjectTypeRow, next: ObjectTypeDraft, how: 'reloaded' | 'reapplied') => {
    setBase(theirs);
    setDraft(next);
    setConflict(null);
    setIssues(new Map());
    setRebased({ version: theirs.version, how });
  };

  const clearIssue = (...paths: string[]) =>
    setIssues((current) => {
      if (!paths.some((p) => current.has(p))) return current;
      const next = new Map(current);
      for (const p of paths) next.delete(p);
      return next;
    });

  const changeProperty = (key: string, patch: Partial<Omit<PropertyDraft, 'key'>>) => {
    const index = draft.properties.findIndex((p) => p.key === key);
    setDraft((d) => ({ ...d, properties: d.properties.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
    clearIssue(...Object.keys(patch).map((f) => `properties.${index}.${f}`), 'primaryKey');
  };

  const removeProperty = (key: string) => {
    setDraft((d) => ({ ...d, properties: d.properties.filter((p) => p.key !== key), primaryKeyRow: d.primaryKeyRow === key ? null : d.primaryKeyRow }));
    setIssues((current) => new Map([...current].filter(([path]) => !path.startsWith('properties'))));
  };

  const errorsFor = (path: string) => issues.get(path);
  const movedOn = !conflict && live !== null && live.version !== base.version;

  return (
    <form
      id={FORM_ID}
      aria-label={`Edit object type ${base.apiName}`}
      noValidate
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="min-h-0 flex-1 space-y-3 overflow-auto px-3 py-2">
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            base={base}
            theirs={live}
            mine={draft}
            onReload={(theirs) => startFrom(theirs, draftFromObjectType(theirs), 'reloaded')}
            onReapply={(theirs, edited) => startFrom(theirs, reapplyEdits(theirs, draft, edited), 'reapplied')}
            onDiscard={onDone}
          />
        ) : null}
        {movedOn ? (
          <Callout tone="amber" title="Changed since you started editing">
            <p>
              {live.updatedBy} saved version {live.version} at {formatUtc(live.updatedAt)}. Saving will show their version beside yours first.
            </p>
          </Callout>
        ) : null}
        {rebased && !conflict && !movedOn ? (
          <Callout tone="blue" title={rebased.how === 'reapplied' ? 'Your changes are reapplied' : 'Their version is loaded'}>
            <p>
              {rebased.how === 'reapplied'
                ? `Based on version ${rebased.version} now, with your edits on top. Review, then save.`
                : `Editing version ${rebased.version}; your earlier edits were dropped.`}
            </p>
          </Callout>
        ) : null}
        {failure && failure.code !== 'BAD_REQUEST' ? (
          <Callout title={failure.title}>
            <p>{failure.message}</p>
          </Callout>
        ) : null}
        {failure?.issues.some((i) => i.path === '(root)') ? (
          <Callout title={failure.title}>
            {failure.issues.filter((i) => i.path === '(root)').map((i) => (
              <p key={i.message}>{i.message}</p>
            ))}
          </Callout>
        ) : null}
        <Field id="edit-apiName" label="API name" hint="Can't change: data and code refer to the type by it.">
          <Input id="edit-apiName" className="font-mono text-xs" value={base.apiName} readOnly disabled />
        </Field>
        <Field id="edit-displayName" label="Display name" errors={errorsFor('displayName')}>
          <Input
            id="edit-displayName"
            aria-invalid={issues.has('displayName')}
            value={draft.displayName}
            onChange={(e) => {
              setDraft((d) => ({ ...d, displayName: e.target.value }));
              clearIssue('displayName');
            }}
            autoComplete="off"
          />
        </Field>
        <Field id="edit-description" label="Description" errors={errorsFor('description')}>
          <Textarea
            id="edit-description"
            rows={2}
            aria-invalid={issues.has('description')}
            value={draft.description}
            onChange={(e) => {
              setDraft((d) => ({ ...d, description: e.target.value }));
              clearIssue('description');
            }}
          />
        </Field>
        <PropertiesEditor
          rows={draft.properties}
          dataTypes={dataTypes}
          errorsFor={errorsFor}
          onChange={changeProperty}
          onAdd={() => setDraft((d) => ({ ...d, properties: [...d.properties, emptyProperty(defaultType)] }))}
          onRemove={removeProperty}
        />
        <PrimaryKeyField
          id="edit-primaryKey"
          properties={draft.properties}
          keyTypes={keyTypes}
          value={draft.primaryKeyRow}
          errors={errorsFor('primaryKey')}
          onChange={(row) => {
            setDraft((d) => ({ ...d, primaryKeyRow: row }));
            clearIssue('primaryKey');
          }}
        />
      </div>
      <footer className="flex items-center gap-2 border-t border-zinc-200 bg-zinc-50 px-3 py-2">
        <span className="text-2xs text-zinc-500">Editing version {base.version}</span>
        <Button className="ml-auto" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={update.isPending || conflict !== null}>
          {update.isPending ? 'Saving…' : 'Save'}
        </Button>
      </footer>
    </form>
  );
}
