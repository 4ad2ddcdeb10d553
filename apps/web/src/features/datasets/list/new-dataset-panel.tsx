'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { FormSidePanel } from '@/components/ui/form-side-panel';
import { Input, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { issuesByPath } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';

/** Id from the name as typed: lower-case letters, digits and dashes, which is what a dataset id allows. */
const idFromName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);

export function NewDatasetPanel({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (datasetId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(trpc.datasets.create.mutationOptions());
  const { failure, send } = useTrackedCommand();
  const [name, setName] = useState('');
  const [datasetId, setDatasetId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [description, setDescription] = useState('');
  const issues = issuesByPath(failure?.issues ?? []);
  const id = idTouched ? datasetId : idFromName(name);

  const submit = () =>
    send(`Create dataset ${id}`, () => create.mutateAsync({ datasetId: id.trim(), name: name.trim(), description }), () => {
      void queryClient.invalidateQueries(trpc.datasets.list.pathFilter());
      toast({ tone: 'success', title: `Dataset ${name.trim()} created` });
      onClose();
      onCreated(id.trim());
    });
  return (
    <FormSidePanel
      open={open}
      title="New dataset"
      description="A dataset holds immutable versions of a table, on branches; upload its first file next."
      formId="new-dataset-form"
      submitLabel="Create dataset"
      pendingLabel="Creating…"
      pending={create.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {failure && failure.issues.length === 0 ? <Callout title={failure.title}>{failure.message}</Callout> : null}
      <Field id="new-dataset-name" label="Name" errors={issues.get('name')}>
        <Input id="new-dataset-name" value={name} aria-invalid={issues.has('name') || undefined} onChange={(e) => setName(e.target.value)} placeholder="Customers (Seoul office)" />
      </Field>
      <Field id="new-dataset-id" label="Id" hint="lower-case letters, digits and dashes; used in URLs, object keys and the API" errors={issues.get('datasetId')}>
        <Input
          id="new-dataset-id"
          className="font-mono"
          value={id}
          aria-invalid={issues.has('datasetId') || undefined}
          onChange={(e) => {
            setIdTouched(true);
            setDatasetId(e.target.value);
          }}
        />
      </Field>
      <Field id="new-dataset-description" label="Description" errors={issues.get('description')}>
        <Textarea id="new-dataset-description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
    </FormSidePanel>
  );
}
