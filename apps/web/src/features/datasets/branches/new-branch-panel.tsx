'use client';

import { useState } from 'react';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { FormSidePanel } from '@/components/ui/form-side-panel';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { formatUtc } from '@/lib/format-time';
import type { DatasetView } from '../model/dataset-types';
import { ordinals } from '../model/resolve-ref';
import { useBranchCommands } from './use-branch-commands';

/** A new branch from a branch's head or from any version. */
export function NewBranchPanel({ open, view, from: initialFrom, onClose, onCreated }: { open: boolean; view: DatasetView; from: string; onClose: () => void; onCreated: (branch: string) => void }) {
  const [name, setName] = useState('');
  const [from, setFrom] = useState(initialFrom);
  const { createBranch, creating, failure } = useBranchCommands(view.datasetId);
  const ordinal = ordinals(view);
  const nameErrors = failure?.issues.filter((i) => i.path === 'branch').map((i) => i.message);
  return (
    <FormSidePanel
      open={open}
      title="New branch"
      description="A branch is a named pointer to a version: uploads to it leave the other branches as they are."
      formId="new-dataset-branch-form"
      submitLabel="Create branch"
      pendingLabel="Creating…"
      pending={creating}
      onClose={onClose}
      onSubmit={() =>
        createBranch(name.trim(), from, (branch) => {
          setName('');
          onCreated(branch);
        })
      }
    >
      {failure && !nameErrors?.length ? <Callout title={failure.title}>{failure.message}</Callout> : null}
      <Field id="new-dataset-branch-name" label="Branch name" hint="lower-case letters, digits, ., _ and -; / between segments" errors={nameErrors?.length ? nameErrors : undefined}>
        <Input id="new-dataset-branch-name" className="font-mono" placeholder="feature/q3-refresh" value={name} aria-invalid={nameErrors?.length ? true : undefined} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="new-dataset-branch-from" label="From">
        <Select id="new-dataset-branch-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <optgroup label="Branch heads">
            {view.branches.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </optgroup>
          {view.versions.length ? (
            <optgroup label="Versions">
              {view.versions.map((v) => (
                <option key={v.versionId} value={v.versionId}>
                  v{ordinal(v.versionId)} · {v.branch} · {formatUtc(v.committedAt)} · {v.message}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </Field>
    </FormSidePanel>
  );
}
