'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { FieldIssue, LinkTypeDefinition, OntologyView } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { FormSidePanel } from '@/components/ui/form-side-panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useHotkey } from '@/lib/use-hotkey';
import { entityPath } from '../model/entity-paths';
import { onBranch, useBranch } from '../model/use-branch';
import { useEntityCommands } from '../model/use-entity-commands';
import { useOntologyModel } from '../model/use-ontology-model';
import { StatusBadge } from '../shell/status-badge';
import { emptyLinkType, LinkTypeForm } from './link-type-form';

/** The Link types tab: every link type with its ends and names; "New link type" (n). `?new=Type` starts one from Type. */
export function LinkTypesTab({ ontologyId }: { ontologyId: string }) {
  const branch = useBranch();
  const router = useRouter();
  const params = useSearchParams();
  const model = useOntologyModel(ontologyId, branch);
  const [creating, setCreating] = useState<string | null>(null);
  const startNew = useCallback(() => setCreating(''), []);
  useHotkey('n', startNew, creating === null);
  const preset = params.get('new');
  useEffect(() => {
    if (preset !== null) setCreating(preset);
  }, [preset]);

  const links = model.data?.entities.linkType ?? [];
  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        className="min-h-0 flex-1"
        title="Link types"
        meta={`${links.length} link types`}
        actions={
          <Button variant="primary" size="sm" onClick={startNew}>
            <Icon name="plus" width={14} height={14} /> New link type <Kbd>n</Kbd>
          </Button>
        }
      >
        {!model.data ? (
          <TableSkeleton label="Loading link types" />
        ) : links.length === 0 ? (
          <EmptyState title="No link types yet" action={<Button onClick={startNew}>New link type</Button>}>
            Link types connect object types: an employee works for a company, an order has lines.
          </EmptyState>
        ) : (
          <Table aria-label="Link types">
            <THead>
              <tr>
                <TH>API name</TH>
                <TH>Source → target</TH>
                <TH>Cardinality</TH>
                <TH>Forward name</TH>
                <TH>Reverse name</TH>
                <TH>Relationship</TH>
                <TH>Status</TH>
              </tr>
            </THead>
            <TBody>
              {links.map((l) => (
                <TR key={l.id} onClick={() => router.push(onBranch(entityPath(ontologyId, 'linkType', l.id), branch))}>
                  <TD className="font-mono text-xs font-medium">{l.definition.apiName}</TD>
                  <TD className="font-mono text-xs">
                    {l.definition.sourceObjectType} → {l.definition.targetObjectType}
                  </TD>
                  <TD>
                    <Badge>{l.definition.cardinality}</Badge>
                  </TD>
                  <TD className="font-mono text-xs">{l.definition.forward.apiName}</TD>
                  <TD className="font-mono text-xs">{l.definition.reverse.apiName}</TD>
                  <TD className="text-xs text-zinc-600">
                    {l.definition.relationship?.kind === 'foreignKey'
                      ? `${l.definition.relationship.objectType}.${l.definition.relationship.property}`
                      : l.definition.relationship?.kind === 'joinTable'
                        ? 'join table'
                        : '—'}
                  </TD>
                  <TD>
                    <StatusBadge status={l.definition.status} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
      {creating !== null && model.data ? (
        <NewLinkTypePanel
          ontologyId={ontologyId}
          branch={branch}
          model={model.data}
          source={creating}
          onClose={() => {
            setCreating(null);
            if (preset !== null) router.replace(onBranch(window.location.pathname, branch));
          }}
        />
      ) : null}
    </div>
  );
}

function NewLinkTypePanel({ ontologyId, branch, model, source, onClose }: { ontologyId: string; branch: string; model: OntologyView; source: string; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const commands = useEntityCommands(ontologyId, branch);
  const first = model.entities.objectType[0]?.definition.apiName ?? '';
  const [draft, setDraft] = useState<LinkTypeDefinition>(() => emptyLinkType(source || first, first));
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const submit = async () => {
    setIssues([]);
    setFailure(null);
    try {
      const outcome = await commands.define('linkType', draft as unknown as Record<string, unknown>, `Define ${draft.apiName}`);
      toast({ tone: 'success', title: `Link type ${draft.apiName} defined` });
      onClose();
      router.push(onBranch(entityPath(ontologyId, 'linkType', outcome.id), branch));
    } catch (error) {
      const d = describeError(error);
      setIssues(d.issues);
      setFailure(d);
    }
  };
  return (
    <FormSidePanel
      title="New link type"
      description="Which types it connects, how many on each side, and what each side calls the other."
      formId="new-link-type-form"
      submitLabel="Create link type"
      pendingLabel="Creating…"
      pending={commands.pending}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
        {failure ? (
          <Callout title={failure.title}>
            <p>{failure.message}</p>
          </Callout>
        ) : null}
        <LinkTypeForm idPrefix="new-lt" draft={draft} model={model} issues={issues} onChange={setDraft} />
    </FormSidePanel>
  );
}
