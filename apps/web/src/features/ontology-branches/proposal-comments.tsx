'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposalView } from '@spice/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Kbd } from '@/components/ui/kbd';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/input';
import { describeError, issuesByPath, type DescribedError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { describePath, KIND_LABEL } from './describe-value';
import { aboutEntity } from './entity-diff-list';
import { runTracked } from '../commands/run-tracked';

/** What each `about` of this proposal means in words: every entity the branch or main changed. */
export function aboutLabels(proposal: ProposalView): Map<string, string> {
  const labels = new Map<string, string>();
  for (const d of [...proposal.comparison.changes, ...proposal.comparison.mainChanges])
    labels.set(aboutEntity(d), `${KIND_LABEL[d.kind].one} ${d.apiName}`);
  return labels;
}

function describeAbout(about: string, labels: ReadonlyMap<string, string>): string {
  const [kind, id, path] = about.split(':');
  const entity = labels.get(`${kind}:${id}`) ?? `${kind}:${id}`;
  return path ? `${entity} › ${describePath(path)}` : entity;
}

/** Review comments, oldest first, and a box to add one (about the whole proposal or one entity). */
export function ProposalComments({
  proposal,
  about,
  onAboutChange,
  bodyId,
}: {
  proposal: ProposalView;
  about: string;
  onAboutChange: (about: string) => void;
  /** The comment box's id, so a "Comment" button elsewhere on the page can focus it. */
  bodyId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const comment = useMutation(trpc.model.proposals.comment.mutationOptions());
  const labels = aboutLabels(proposal);
  const issues = issuesByPath(failure?.issues ?? []);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setFailure(null);
    try {
      await runTracked(`Comment on ${proposal.branch}`, () =>
        comment.mutateAsync({
          ontologyId: proposal.ontologyId,
          branch: proposal.branch,
          body,
          about: about || null,
        }),
      );
      setBody('');
      onAboutChange('');
      await queryClient.invalidateQueries(trpc.model.pathFilter());
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <div className="space-y-2">
      {proposal.comments.length === 0 ? (
        <p className="text-xs text-zinc-500">No comments yet.</p>
      ) : (
        <ol aria-label="Comments" className="space-y-1.5">
          {proposal.comments.map((c) => (
            <li key={c.commentId} className="rounded border border-zinc-200 bg-white px-2 py-1.5 text-xs">
              <p className="flex flex-wrap items-baseline gap-x-1.5 text-2xs text-zinc-500">
                <strong className="text-xs text-zinc-800">{c.author}</strong>
                <span>{formatUtc(c.at)}</span>
                {c.about ? (
                  <span className="rounded bg-zinc-100 px-1 text-zinc-700">
                    on {describeAbout(c.about, labels)}
                  </span>
                ) : null}
              </p>
              <p className="mt-0.5 whitespace-pre-wrap text-zinc-900">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {proposal.status === 'open' ? (
        <form aria-label="Add a comment" onSubmit={submit} className="space-y-1.5">
          <Textarea
            id={bodyId}
            aria-label="Comment"
            rows={3}
            value={body}
            placeholder="Leave a review comment"
            aria-invalid={issues.has('body')}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
            }}
          />
          {issues.get('body')?.map((m) => (
            <p key={m} className="text-xs text-red-700">
              {m}
            </p>
          ))}
          <div className="flex items-center gap-2">
            <Select
              aria-label="About"
              value={about}
              onChange={(e) => onAboutChange(e.target.value)}
              className="w-auto max-w-56"
            >
              <option value="">The whole proposal</option>
              {[...labels].map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </Select>
            <Button type="submit" disabled={comment.isPending || body.trim() === ''} className="ml-auto">
              Comment <Kbd>Ctrl+Enter</Kbd>
            </Button>
          </div>
          {failure && failure.issues.length === 0 ? (
            <Callout title={failure.title}>
              <p>{failure.message}</p>
            </Callout>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
