'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import type { FieldIssue, InterfaceDefinition, OntologyView } from '@spice/domain';
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
import { emptyInterface, InterfaceForm } from './interface-form';

/** The Interfaces tab: each interface with what it requires and who implements it; "New interface" (n). */
export function InterfacesTab({ ontologyId }: { ontologyId: string }) {
  const branch = useBranch();
  const router = useRouter();
  const model = useOntologyModel(ontologyId, branch);
  const [creating, setCreating] = useState(false);
  const startNew = useCallback(() => setCreating(true), []);
  useHotkey('n', startNew, !creating);
  const interfaces = model.data?.entities.interface ?? [];
  const implementers = (apiName: string) => (model.data?.entities.objectType ?? []).filter((o) => o.definition.implements.includes(apiName)).length;

  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        className="min-h-0 flex-1"
        title="Interfaces"
        meta={`${interfaces.length} interfaces`}
        actions={
          <Button variant="primary" size="sm" onClick={startNew}>
            <Icon name="plus" width={14} height={14} /> New interface <Kbd>n</Kbd>
          </Button>
        }
      >
        {!model.data ? (
          <TableSkeleton label="Loading interfaces" />
        ) : interfaces.length === 0 ? (
          <EmptyState title="No interfaces yet" action={<Button onClick={startNew}>New interface</Button>}>
            An interface is a shape several object types share: properties and links each implementer must have.
          </EmptyState>
        ) : (
          <Table aria-label="Interfaces">
            <THead>
              <tr>
                <TH>API name</TH>
                <TH>Display name</TH>
                <TH>Extends</TH>
                <TH>Properties</TH>
                <TH>Links</TH>
                <TH>Implemented by</TH>
              </tr>
            </THead>
            <TBody>
              {interfaces.map((i) => (
                <TR key={i.id} onClick={() => router.push(onBranch(entityPath(ontologyId, 'interface', i.id), branch))}>
                  <TD className="font-mono text-xs font-medium">{i.definition.apiName}</TD>
                  <TD>{i.definition.displayName}</TD>
                  <TD className="font-mono text-xs">{i.definition.extends.join(', ') || '—'}</TD>
                  <TD>{i.definition.properties.length}</TD>
                  <TD>{i.definition.links.length}</TD>
                  <TD>{implementers(i.definition.apiName)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
      {creating && model.data ? <NewInterfacePanel ontologyId={ontologyId} branch={branch} model={model.data} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function NewInterfacePanel({ ontologyId, branch, model, onClose }: { ontologyId: string; branch: string; model: OntologyView; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const commands = useEntityCommands(ontologyId, branch);
  const [draft, setDraft] = useState<InterfaceDefinition>(emptyInterface);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const submit = async () => {
    setIssues([]);
    setFailure(null);
    try {
      const outcome = await commands.define('interface', draft as unknown as Record<string, unknown>, `Define ${draft.apiName}`);
      toast({ tone: 'success', title: `Interface ${draft.apiName} defined` });
      onClose();
      router.push(onBranch(entityPath(ontologyId, 'interface', outcome.id), branch));
    } catch (error) {
      const d = describeError(error);
      setIssues(d.issues);
      setFailure(d);
    }
  };
  return (
    <FormSidePanel
      title="New interface"
      formId="new-interface-form"
      submitLabel="Create interface"
      pending={commands.pending}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
        {failure ? <Callout title={failure.title}>{failure.message}</Callout> : null}
        <InterfaceForm idPrefix="new-if" draft={draft} model={model} issues={issues} onChange={setDraft} />
    </FormSidePanel>
  );
}
