'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SidePanel } from '@/components/ui/side-panel';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/trpc/react';
import { InlineNewBranch } from '../branches/inline-new-branch';
import { ProblemsTable, type Problem } from '../ingest/problems-table';
import { ReadChoices } from '../ingest/read-option-choices';
import { datasetPath, ingestPath, withRef } from '../model/dataset-paths';
import type { DatasetView } from '../model/dataset-types';
import { DropZone } from './drop-zone';
import { UploadProgress } from './upload-progress';
import { useUpload, type ChosenFile } from './use-upload';

/**
 * Upload a file to a branch: drop or pick it, choose the branch and what happens to bad rows, watch it go up,
 * then review its schema. The file can come from a drop anywhere on the dataset page (`initialFile`).
 */
export function UploadPanel({
  open,
  onClose,
  view,
  branch: initialBranch,
  initialFile,
}: {
  open: boolean;
  onClose: () => void;
  view: DatasetView;
  branch: string;
  initialFile: File | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { state, start, cancel, reset } = useUpload(view.datasetId);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [branch, setBranch] = useState(initialBranch);
  const [newBranch, setNewBranch] = useState(false);
  const [badRows, setBadRows] = useState<'fail' | 'skip'>('fail');
  const [options, setOptions] = useState<Record<string, string>>({});
  const busy = state.status === 'sending' || state.status === 'reading';

  const choose = (file: File) => {
    setChosen({ file, idempotencyKey: crypto.randomUUID() });
    reset();
  };
  useEffect(() => {
    if (open && initialFile) choose(initialFile);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new dropped file is a new choice
  }, [open, initialFile]);
  useEffect(() => {
    if (open) setBranch(initialBranch);
  }, [open, initialBranch]);

  const submit = async () => {
    if (!chosen) return;
    const outcome = await start(chosen, { branch, badRows, options });
    if (!outcome) return;
    void queryClient.invalidateQueries(trpc.datasets.ingest.jobs.queryFilter({ datasetId: view.datasetId }));
    if (outcome.kind === 'existing-version') {
      toast({ tone: 'success', title: 'Already uploaded', detail: `This file was committed before as version ${outcome.versionId}.` });
      onClose();
      router.push(withRef(datasetPath(view.datasetId), outcome.versionId));
      return;
    }
    onClose();
    router.push(ingestPath(view.datasetId, outcome.job.jobId));
  };
  const close = () => {
    if (busy) cancel();
    setChosen(null);
    reset();
    onClose();
  };
  const failure = state.status === 'failed' && state.error.domainCode !== 'UPLOAD.CANCELLED' ? state.error : null;
  const problems = (failure?.context.problems as Problem[] | undefined) ?? [];

  return (
    <SidePanel
      open={open}
      onClose={close}
      title="Upload a file"
      description={`To ${view.name}: the file is read, a schema is proposed, and nothing is committed until you review it.`}
      footer={
        <>
          <Button variant="primary" onClick={() => void submit()} disabled={!chosen || busy || newBranch}>
            {busy ? 'Uploading…' : failure ? 'Retry upload' : 'Upload'}
          </Button>
          {busy ? (
            <Button variant="ghost" onClick={cancel}>
              Cancel upload
            </Button>
          ) : (
            <Button variant="ghost" onClick={close}>
              Close
            </Button>
          )}
        </>
      }
    >
      <form
        aria-label="Upload a file"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DropZone file={chosen?.file ?? null} onFile={choose} disabled={busy} />
        <UploadProgress state={state} />
        {failure ? (
          <Callout title={failure.status === 409 ? 'Refused: this upload key was used for other content' : 'The upload was refused'}>
            <p>{failure.message}</p>
          </Callout>
        ) : null}
        {problems.length ? <ProblemsTable label="Upload problems" problems={problems} /> : null}

        <div className="grid grid-cols-2 gap-3">
          <Field id="upload-branch" label="Branch">
            {newBranch ? (
              <InlineNewBranch
                datasetId={view.datasetId}
                from={branch}
                onCancel={() => setNewBranch(false)}
                onCreated={(name) => {
                  setNewBranch(false);
                  setBranch(name);
                }}
              />
            ) : (
              <div className="flex items-center gap-1">
                <Select id="upload-branch" value={branch} onChange={(e) => setBranch(e.target.value)} disabled={busy} className="font-mono text-xs">
                  {view.branches.map((b) => (
                    <option key={b.name} value={b.name}>
                      {b.name}
                    </option>
                  ))}
                  {view.branches.some((b) => b.name === branch) ? null : <option value={branch}>{branch}</option>}
                </Select>
                <Button size="sm" variant="ghost" onClick={() => setNewBranch(true)} disabled={busy}>
                  New branch…
                </Button>
              </div>
            )}
          </Field>
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-zinc-700">Bad rows</legend>
            <label className="flex items-center gap-1.5 text-xs">
              <input type="radio" name="bad-rows" checked={badRows === 'fail'} onChange={() => setBadRows('fail')} disabled={busy} />
              Fail the upload and report them
            </label>
            <label className="flex items-center gap-1.5 text-xs">
              <input type="radio" name="bad-rows" checked={badRows === 'skip'} onChange={() => setBadRows('skip')} disabled={busy} />
              Skip them and keep the report
            </label>
          </fieldset>
        </div>

        <details className="rounded border border-zinc-200 px-3 py-2">
          <summary className="cursor-pointer text-xs font-medium text-zinc-700">Read options (detected when left empty)</summary>
          <div className="mt-2 grid grid-cols-2 gap-3">
            <Field id="upload-encoding" label="Encoding">
              <Select id="upload-encoding" value={options.encoding ?? ''} onChange={(e) => setOptions({ ...options, encoding: e.target.value })} disabled={busy}>
                <ReadChoices of="encoding" />
              </Select>
            </Field>
            <Field id="upload-delimiter" label="Delimiter">
              <Select id="upload-delimiter" value={options.delimiter ?? ''} onChange={(e) => setOptions({ ...options, delimiter: e.target.value })} disabled={busy}>
                <ReadChoices of="delimiter" />
              </Select>
            </Field>
            <Field id="upload-sheet" label="Sheet" hint="spreadsheets: default is the first sheet with data">
              <Input id="upload-sheet" value={options.sheet ?? ''} onChange={(e) => setOptions({ ...options, sheet: e.target.value })} disabled={busy} />
            </Field>
            <Field id="upload-range" label="Table range" hint="e.g. A3:F120, header row first">
              <Input id="upload-range" className="font-mono" value={options.range ?? ''} onChange={(e) => setOptions({ ...options, range: e.target.value.toUpperCase() })} disabled={busy} />
            </Field>
          </div>
        </details>
        <button type="submit" hidden />
      </form>
    </SidePanel>
  );
}
