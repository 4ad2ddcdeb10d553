'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError } from '@/lib/describe-error';
import { useHotkey } from '@/lib/use-hotkey';
import { useTRPC } from '@/trpc/react';
import { ontologyPath } from '../model/use-branch';
import { NewOntologyPanel } from './new-ontology-panel';

/** Every ontology, with its size and open branches; "New ontology" (n). */
export function OntologyList() {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.model.ontologies.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const startNew = useCallback(() => setCreating(true), []);
  useHotkey('n', startNew, !creating);
  const rows = list.data ?? [];
  return (
    <>
      <PageHeader
        section="Ontology"
        title="Ontologies"
        description="Each ontology is a model of object types, link types and interfaces, edited on branches and merged through proposals."
        actions={
          <Button variant="primary" onClick={startNew}>
            <Icon name="plus" width={14} height={14} /> New ontology <Kbd>n</Kbd>
          </Button>
        }
      />
      <div className="flex min-h-0 flex-1 flex-col p-3">
        <Panel title="All ontologies" meta={`${rows.length}`} className="min-h-0 flex-1">
          {list.isError ? (
            <div className="p-3">
              <Callout title={describeError(list.error).title}>{describeError(list.error).message}</Callout>
            </div>
          ) : !list.data ? (
            <TableSkeleton label="Loading ontologies" />
          ) : rows.length === 0 ? (
            <EmptyState title="No ontologies yet" action={<Button onClick={startNew}>New ontology</Button>} />
          ) : (
            <Table aria-label="Ontologies">
              <THead>
                <tr>
                  <TH>Name</TH>
                  <TH>Id</TH>
                  <TH>Description</TH>
                  <TH className="text-right">Object types</TH>
                  <TH className="text-right">Link types</TH>
                  <TH className="text-right">Open branches</TH>
                </tr>
              </THead>
              <TBody>
                {rows.map((o) => (
                  <TR key={o.ontologyId} onClick={() => router.push(ontologyPath(o.ontologyId))}>
                    <TD className="font-medium text-zinc-900">
                      <a href={ontologyPath(o.ontologyId)} onClick={(e) => e.preventDefault()}>
                        {o.displayName}
                      </a>
                    </TD>
                    <TD className="font-mono text-xs">{o.ontologyId}</TD>
                    <TD className="max-w-96 truncate text-zinc-600">{o.description || '—'}</TD>
                    <TD className="text-right">{o.objectTypes}</TD>
                    <TD className="text-right">{o.linkTypes}</TD>
                    <TD className="text-right">{o.openBranches}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Panel>
      </div>
      <NewOntologyPanel open={creating} onClose={() => setCreating(false)} onCreated={(id) => router.push(ontologyPath(id))} />
    </>
  );
}
