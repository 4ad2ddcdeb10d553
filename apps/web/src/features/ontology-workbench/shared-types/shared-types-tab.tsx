'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { describeDataType, type EntityView, type FieldIssue, type OntologyView } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { SidePanel } from '@/components/ui/side-panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useHotkey } from '@/lib/use-hotkey';
import { useBreakingChangeConfirm } from '../edit/breaking-change-dialog';
import { definitionPatch } from '../edit/definition-patch';
import { asEntityConflict } from '../edit/entity-conflict';
import { rememberChange } from '../edit/undo-store';
import { onBranch, useBranch } from '../model/use-branch';
import { useEntityCommands } from '../model/use-entity-commands';
import { useOntologyModel } from '../model/use-ontology-model';
import { SharedTypeForm, type SharedTypeDraft } from './shared-type-form';

type SharedKind = 'sharedPropertyType' | 'valueType';

const KIND = {
  sharedPropertyType: { title: 'Shared property types', one: 'shared property type', typeField: 'dataType', typeLabel: 'Data type', empty: 'A shared property type is a property defined once and reused by many object types: its type and constraints must match wherever it is used.' },
  valueType: { title: 'Value types', one: 'value type', typeField: 'baseType', typeLabel: 'Base type', empty: 'A value type names a constrained base type (an email, a percentage, an ISO country code) that properties can use.' },
} as const;

type SharedEntity = EntityView<'sharedPropertyType'> | EntityView<'valueType'>;

const toDraft = (kind: SharedKind, e: SharedEntity | null): SharedTypeDraft => {
  if (!e) return { apiName: '', displayName: '', description: '', type: 'string', constraints: {} };
  const d = e.definition as unknown as Record<string, unknown> & SharedTypeDraft;
  return { apiName: d.apiName, displayName: d.displayName, description: d.description, type: d[KIND[kind].typeField] as SharedTypeDraft['type'], constraints: d.constraints };
};

const toDefinition = (kind: SharedKind, d: SharedTypeDraft, translations: unknown = {}) => ({
  apiName: d.apiName,
  displayName: d.displayName,
  description: d.description,
  [KIND[kind].typeField]: d.type,
  constraints: d.constraints,
  translations,
});

/** Shared property types or value types: a list, and a side panel to create or edit one (`?open=id`). */
export function SharedTypesTab({ ontologyId, kind }: { ontologyId: string; kind: SharedKind }) {
  const branch = useBranch();
  const router = useRouter();
  const pathname = usePathname();
  const openId = useSearchParams().get('open');
  const model = useOntologyModel(ontologyId, branch);
  const [creating, setCreating] = useState(false);
  const startNew = useCallback(() => setCreating(true), []);
  useHotkey('n', startNew, !creating && !openId);
  const meta = KIND[kind];
  const rows = (model.data?.entities[kind] ?? []) as readonly SharedEntity[];
  const editing = openId ? (rows.find((r) => r.id === openId) ?? null) : null;
  const close = () => {
    setCreating(false);
    if (openId) router.replace(onBranch(pathname, branch));
  };
  const used = (apiName: string) =>
    (model.data?.entities.objectType ?? []).filter((o) => o.definition.properties.some((p) => (kind === 'valueType' ? p.valueType : p.sharedPropertyType) === apiName)).length;

  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        className="min-h-0 flex-1"
        title={meta.title}
        meta={`${rows.length}`}
        actions={
          <Button variant="primary" size="sm" onClick={startNew}>
            <Icon name="plus" width={14} height={14} /> New {meta.one} <Kbd>n</Kbd>
          </Button>
        }
      >
        {!model.data ? (
          <TableSkeleton label={`Loading ${meta.title.toLowerCase()}`} />
        ) : rows.length === 0 ? (
          <EmptyState title={`No ${meta.title.toLowerCase()} yet`} action={<Button onClick={startNew}>New {meta.one}</Button>}>
            {meta.empty}
          </EmptyState>
        ) : (
          <Table aria-label={meta.title}>
            <THead>
              <tr>
                <TH>API name</TH>
                <TH>Display name</TH>
                <TH>{meta.typeLabel}</TH>
                <TH>Used by</TH>
                <TH>Changed</TH>
              </tr>
            </THead>
            <TBody>
              {rows.map((r) => {
                const d = toDraft(kind, r);
                return (
                  <TR key={r.id} selected={r.id === openId} onClick={() => router.push(onBranch(`${pathname}?open=${encodeURIComponent(r.id)}`, branch))}>
                    <TD className="font-mono text-xs font-medium">{d.apiName}</TD>
                    <TD>{d.displayName}</TD>
                    <TD className="font-mono text-xs">{describeDataType(d.type)}</TD>
                    <TD>{used(d.apiName)} object types</TD>
                    <TD className="text-zinc-600">
                      {r.changedBy} · {formatUtc(r.changedAt)}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Panel>
      {model.data && (creating || editing) ? (
        <SharedTypePanel key={editing?.id ?? 'new'} ontologyId={ontologyId} branch={branch} kind={kind} model={model.data} entity={creating ? null : editing} onClose={close} />
      ) : null}
    </div>
  );
}

function SharedTypePanel({
  ontologyId,
  branch,
  kind,
  entity,
  onClose,
}: {
  ontologyId: string;
  branch: string;
  kind: SharedKind;
  model: OntologyView;
  entity: SharedEntity | null;
  onClose: () => void;
}) {
  const toast = useToast();
  const commands = useEntityCommands(ontologyId, branch);
  const { withConfirm, dialog } = useBreakingChangeConfirm();
  const meta = KIND[kind];
  const [base] = useState(entity);
  const [draft, setDraft] = useState<SharedTypeDraft>(() => toDraft(kind, entity));
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const changedMeanwhile = base && entity && entity.version !== base.version;

  const submit = async () => {
    setIssues([]);
    setFailure(null);
    try {
      if (!base) {
        await commands.define(kind, toDefinition(kind, draft), `Define ${draft.apiName}`);
        toast({ tone: 'success', title: `${meta.one} ${draft.apiName} defined` });
      } else {
        const patch = definitionPatch(base.definition, toDefinition(kind, draft, base.definition.translations));
        if (Object.keys(patch).length === 0) return onClose();
        const outcome = await withConfirm((acknowledgeBreakingChanges) =>
          commands.update(kind, { id: base.id, expectedSeq: base.version, patch, acknowledgeBreakingChanges }, `Update ${base.definition.apiName}`),
        );
        if (!outcome) return;
        rememberChange({ ontologyId, branch, kind, id: base.id, apiName: draft.apiName, toVersion: base.version, atSeq: outcome.sequenceNumber ?? base.version + 1 });
        toast({ tone: 'success', title: `Saved ${meta.one} ${draft.apiName}`, detail: 'Ctrl+Z undoes this change.' });
      }
      onClose();
    } catch (error) {
      const d = describeError(error);
      setIssues(d.issues);
      setFailure(d);
    }
  };
  const conflict = failure ? asEntityConflict(failure) : null;
  return (
    <SidePanel
      open
      onClose={onClose}
      title={base ? `${meta.one[0]!.toUpperCase()}${meta.one.slice(1)} ${base.definition.apiName}` : `New ${meta.one}`}
      description={base ? `Version ${base.version}, changed by ${base.changedBy} at ${formatUtc(base.changedAt)}` : undefined}
      footer={
        <>
          <Button variant="primary" type="submit" form="shared-type-form" disabled={commands.pending}>
            {base ? 'Save' : `Create ${meta.one}`}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </>
      }
    >
      <form
        id="shared-type-form"
        aria-label={base ? `Edit ${meta.one} ${base.definition.apiName}` : `New ${meta.one}`}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {changedMeanwhile && !conflict ? <Callout tone="blue" title="Changed since you opened it">{`${entity.changedBy} saved version ${entity.version}.`}</Callout> : null}
        {conflict ? (
          <Callout tone="amber" title="Changed by someone else">
            {`${conflict.changedBy} saved it at ${formatUtc(conflict.changedAt)}; close and reopen to edit their version.`}
          </Callout>
        ) : failure ? (
          <Callout title={failure.title}>{failure.message}</Callout>
        ) : null}
        <SharedTypeForm typeLabel={meta.typeLabel} typePath={meta.typeField} draft={draft} issues={issues} onChange={setDraft} />
        <button type="submit" hidden />
      </form>
      {dialog}
    </SidePanel>
  );
}
