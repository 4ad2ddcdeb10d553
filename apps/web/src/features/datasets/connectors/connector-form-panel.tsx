'use client';

import { useEffect, useRef, type ComponentProps, type ReactNode } from 'react';
import { Callout } from '@/components/ui/callout';
import { FormSidePanel } from '@/components/ui/form-side-panel';
import { issuesByPath, type DescribedError } from '@/lib/describe-error';
import type { ConnectorDraft } from './connector-draft';
import { ConnectorFormFields, SHOWN_ISSUE } from './connector-form-fields';

/**
 * The side panel around the connector form, shared by New and Edit: the server's field issues on their fields,
 * anything else it said in a callout above them (`notice` replaces that callout, e.g. for a stale edit).
 */
export function ConnectorFormPanel({
  failure,
  notice,
  draft,
  onChange,
  branches,
  creating,
  ...panel
}: Omit<ComponentProps<typeof FormSidePanel>, 'children' | 'open'> & {
  failure: DescribedError | null;
  notice?: ReactNode;
  draft: ConnectorDraft;
  onChange: (patch: Partial<ConnectorDraft>) => void;
  branches: readonly string[];
  creating: boolean;
}) {
  const fields = useRef<HTMLDivElement>(null);
  // The form is longer than the panel: bring what the server said into view, on the field at fault when there is one.
  useEffect(() => {
    if (!failure) return;
    const invalid = fields.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else fields.current?.querySelector('[role="alert"], [role="status"]')?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  const issues = issuesByPath(failure?.issues ?? []);
  const unshown = (failure?.issues ?? []).filter((i) => !SHOWN_ISSUE.test(i.path));
  return (
    <FormSidePanel {...panel}>
      <div ref={fields} className="space-y-3">
        {notice ??
          (failure && (failure.issues.length === 0 || unshown.length) ? (
            <Callout title={failure.title}>
              {unshown.length ? unshown.map((i) => <p key={i.path + i.message}>{`${i.path}: ${i.message}`}</p>) : <p>{failure.message}</p>}
            </Callout>
          ) : null)}
        <ConnectorFormFields draft={draft} onChange={onChange} issues={issues} branches={branches} creating={creating} />
      </div>
    </FormSidePanel>
  );
}
