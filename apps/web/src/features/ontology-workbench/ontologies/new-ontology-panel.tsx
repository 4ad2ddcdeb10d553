'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { FormSidePanel } from '@/components/ui/form-side-panel';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';
import { issuesAt } from '../edit/issues';

export function NewOntologyPanel({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (ontologyId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation(trpc.model.ontologies.create.mutationOptions());
  const { failure, send } = useTrackedCommand();
  const [ontologyId, setOntologyId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const issues = failure?.issues ?? [];

  const submit = () =>
    send(
      `Create ontology ${ontologyId}`,
      () => create.mutateAsync({ ontologyId: ontologyId.trim(), displayName: displayName.trim(), description }),
      () => {
        void queryClient.invalidateQueries(trpc.model.ontologies.pathFilter());
        toast({ tone: 'success', title: `Ontology ${displayName.trim()} created` });
        onClose();
        onCreated(ontologyId.trim());
      },
    );
  return (
    <FormSidePanel
      open={open}
      title="New ontology"
      formId="new-ontology-form"
      submitLabel="Create ontology"
      pending={create.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
        {failure && issues.length === 0 ? <Callout title={failure.title}>{failure.message}</Callout> : null}
        <Field id="new-ontology-id" label="Id" hint="lower-case letters, digits and dashes; used in URLs and the API" errors={issuesAt(issues, 'ontologyId')}>
          <Input id="new-ontology-id" className="font-mono" value={ontologyId} aria-invalid={issuesAt(issues, 'ontologyId') ? true : undefined} onChange={(e) => setOntologyId(e.target.value)} />
        </Field>
        <Field id="new-ontology-name" label="Display name" errors={issuesAt(issues, 'displayName')}>
          <Input id="new-ontology-name" value={displayName} aria-invalid={issuesAt(issues, 'displayName') ? true : undefined} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <Field id="new-ontology-description" label="Description" errors={issuesAt(issues, 'description')}>
          <Textarea id="new-ontology-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
    </FormSidePanel>
  );
}
