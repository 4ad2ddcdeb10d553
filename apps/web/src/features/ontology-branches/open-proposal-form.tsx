'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { describeError, issuesByPath, type DescribedError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { runTracked } from '../commands/run-tracked';

/** Asks for the branch to be merged into main: a title and a description for the reviewers. */
export function OpenProposalForm({
  ontologyId,
  branch,
  onOpened,
  onCancel,
}: {
  ontologyId: string;
  branch: string;
  onOpened: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const open = useMutation(trpc.model.proposals.open.mutationOptions());
  const issues = issuesByPath(failure?.issues ?? []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await runTracked(`Open proposal for ${branch}`, () =>
        open.mutateAsync({ ontologyId, branch, title, description }),
      );
      await queryClient.invalidateQueries(trpc.model.pathFilter());
      onOpened();
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <form
      aria-label="Open proposal"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      className="space-y-2 rounded-md border border-accent-100 bg-white p-3 shadow-xs"
    >
      <p className="text-xs text-zinc-600">
        A proposal asks someone else to review this branch and approve it; once approved it can be merged into
        main.
      </p>
      <Field id="proposal-title" label="Title" errors={issues.get('title')}>
        <Input
          id="proposal-title"
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={issues.has('title')}
          placeholder="What this branch changes"
        />
      </Field>
      <Field
        id="proposal-description"
        label="Description"
        hint="Why, and what reviewers should look at."
        errors={issues.get('description')}
      >
        <Textarea
          id="proposal-description"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={issues.has('description')}
        />
      </Field>
      {failure && failure.issues.length === 0 ? (
        <Callout title={failure.title}>
          <p>{failure.message}</p>
        </Callout>
      ) : null}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" disabled={open.isPending}>
          {open.isPending ? 'Opening…' : 'Open proposal'}
        </Button>
        <Button onClick={onCancel}>
          Cancel <Kbd>Esc</Kbd>
        </Button>
      </div>
    </form>
  );
}
