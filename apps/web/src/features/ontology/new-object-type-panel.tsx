'use client';

import type { FieldIssue } from '@spice/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { SidePanel } from '@/components/ui/side-panel';
import { useToast } from '@/components/ui/toast';
import { describeError, issuesByPath, type DescribedError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { commandSent } from '../commands/last-command';
import { draftToInput, emptyDraft, emptyProperty, type ObjectTypeDraft, type PropertyDraft } from './object-type-draft';
import { PrimaryKeyField } from './primary-key-field';
import { PropertiesEditor } from './properties-editor';

const FORM_ID = 'new-object-type-form';

export function NewObjectTypePanel({
  open,
  onClose,
  ontologyId,
  dataTypes,
  keyTypes,
}: {
  open: boolean;
  onClose: () => void;
  ontologyId: string;
  dataTypes: readonly string[];
  keyTypes: readonly string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const defaultType = dataTypes[0] ?? 'string';
  const [draft, setDraft] = useState<ObjectTypeDraft>(() => emptyDraft(defaultType));
  const [issues, setIssues] = useState<Map<string, string[]>>(new Map());
  const [failure, setFailure] = useState<DescribedError | null>(null);

  const define = useMutation(
    trpc.ontology.defineObjectType.mutationOptions({
      onSuccess: (outcome, input) => {
        toast({
          tone: 'success',
          title: `Object type ${input.apiName} defined`,
          detail: (
            <span>
              Command <code className="font-mono text-2xs">{outcome.commandId}</code> {outcome.status}
              {outcome.sequenceNumber !== null ? ` at sequence ${outcome.sequenceNumber}` : ''}; the list updates when the projection catches up.
            </span>
          ),
        });
        void queryClient.invalidateQueries(trpc.ontology.pathFilter());
        setDraft(emptyDraft(defaultType));
        setIssues(new Map());
        setFailure(null);
        onClose();
      },
      onError: (error) => {
        const described = describeError(error);
        setIssues(issuesByPath(described.issues));
        setFailure(described);
      },
    }),
  );

  const clearIssue = (...paths: string[]) =>
    setIssues((current) => {
      if (!paths.some((p) => current.has(p))) return current;
      const next = new Map(current);
      for (const p of paths) next.delete(p);
      return next;
    });

  const set = <K extends 'apiName' | 'displayName' | 'description'>(field: K, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    clearIssue(field);
  };

  const changeProperty = (key: string, patch: Partial<Omit<PropertyDraft, 'key'>>) => {
    const index = draft.properties.findIndex((p) => p.key === key);
    setDraft((d) => ({ ...d, properties: d.properties.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
    clearIssue(...Object.keys(patch).map((f) => `properties.${index}.${f}`), 'primaryKey');
  };

  const removeProperty = (key: string) => {
    setDraft((d) => ({
      ...d,
      properties: d.properties.filter((p) => p.key !== key),
      primaryKeyRow: d.primaryKeyRow === key ? null : d.primaryKeyRow,
    }));
    // Row indexes shift, so per-row messages no longer point at the right rows.
    setIssues((current) => new Map([...current].filter(([path]) => !path.startsWith('properties'))));
  };

  const submit = () => {
    if (define.isPending) return;
    setFailure(null);
    const input = draftToInput(ontologyId, draft);
    const tracked = commandSent(`Define ${input.apiName || 'object type'}`);
    define.mutate(input, { onSuccess: (outcome) => tracked.accepted(outcome.commandId), onError: (e) => tracked.refused(describeError(e).message) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'BUTTON' || (target.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey))) return;
    e.preventDefault();
    submit();
  };

  const errorsFor = (path: string) => issues.get(path);
  const unplaced = unplacedIssues(failure?.issues ?? [], draft.properties.length, issues);

  return (
    <SidePanel
      open={open}
      onClose={onClose}
      title="New object type"
      description={`Defines an object type in the ${ontologyId} ontology.`}
      footer={
        <>
          <span className="text-2xs text-zinc-500">
            <Kbd>Enter</Kbd> create · <Kbd>Esc</Kbd> close
          </span>
          <Button className="ml-auto" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={FORM_ID} variant="primary" disabled={define.isPending}>
            {define.isPending ? 'Creating…' : 'Create object type'}
          </Button>
        </>
      }
    >
      <form
        id={FORM_ID}
        noValidate
        className="space-y-3"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {failure && (failure.code !== 'BAD_REQUEST' || unplaced.length > 0) ? (
          <Callout title={failure.title}>
            {failure.code !== 'BAD_REQUEST' ? <p>{failure.message}</p> : null}
            {unplaced.map((i) => (
              <p key={`${i.path}:${i.message}`}>
                <span className="font-mono">{i.path}</span>: {i.message}
              </p>
            ))}
          </Callout>
        ) : null}
        <div className="grid grid-cols-2 gap-3">
          <Field id="ot-apiName" label="API name" hint="PascalCase, letters and digits, e.g. Vessel" errors={errorsFor('apiName')}>
            <Input
              id="ot-apiName"
              className="font-mono text-xs"
              aria-invalid={issues.has('apiName')}
              aria-describedby="ot-apiName-error"
              value={draft.apiName}
              onChange={(e) => set('apiName', e.target.value)}
              autoComplete="off"
            />
          </Field>
          <Field id="ot-displayName" label="Display name" errors={errorsFor('displayName')}>
            <Input
              id="ot-displayName"
              aria-invalid={issues.has('displayName')}
              aria-describedby="ot-displayName-error"
              value={draft.displayName}
              onChange={(e) => set('displayName', e.target.value)}
              autoComplete="off"
            />
          </Field>
        </div>
        <Field id="ot-description" label="Description" errors={errorsFor('description')}>
          <Textarea
            id="ot-description"
            rows={2}
            aria-invalid={issues.has('description')}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
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
          id="ot-primaryKey"
          properties={draft.properties}
          keyTypes={keyTypes}
          value={draft.primaryKeyRow}
          errors={errorsFor('primaryKey')}
          onChange={(row) => {
            setDraft((d) => ({ ...d, primaryKeyRow: row }));
            clearIssue('primaryKey');
          }}
        />
      </form>
    </SidePanel>
  );
}

const PLACED = /^(apiName|displayName|description|primaryKey|properties)$|^properties\.(\d+)(\.(apiName|displayName|dataType|required))?$/;

/** Issues the form has no field for (or that still apply after an edit cleared others): shown in the summary. */
function unplacedIssues(all: readonly FieldIssue[], rowCount: number, current: Map<string, string[]>): FieldIssue[] {
  return all.filter((issue) => {
    const m = PLACED.exec(issue.path);
    const placed = m !== null && (m[2] === undefined || Number(m[2]) < rowCount);
    return !placed && current.has(issue.path);
  });
}
