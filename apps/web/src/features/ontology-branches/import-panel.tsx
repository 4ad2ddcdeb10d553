'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INTERCHANGE_FORMATS, type InterchangeFormat } from '@spice/domain';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { FORMAT_INFO, formatOfFile } from './interchange-formats';
import { runTracked } from '../commands/run-tracked';

type Mode = 'replace' | 'merge';
const MODE_HINT: Record<Mode, string> = {
  merge: 'Adds what is new and updates what differs; entities the file lacks stay.',
  replace: 'The branch becomes exactly the file: entities the file lacks are deleted.',
};

/** Imports a document into a branch: validated whole, then applied all at once or not at all. */
export function ImportPanel({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [format, setFormat] = useState<InterchangeFormat>('jsonld');
  const [mode, setMode] = useState<Mode>('merge');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [imported, setImported] = useState<{ changes: number; name: string } | null>(null);
  const run = useMutation(trpc.model.interchange.import.mutationOptions());

  const pick = async (chosen: File | undefined) => {
    setFailure(null);
    setImported(null);
    if (!chosen) return setFile(null);
    setFile({ name: chosen.name, content: await chosen.text() });
    const guessed = formatOfFile(chosen.name);
    if (guessed) setFormat(guessed);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setFailure(null);
    setImported(null);
    try {
      const outcome = await runTracked(`Import ${file.name}`, () =>
        run.mutateAsync({ ontologyId, branch, format, content: file.content, mode }),
      );
      setImported({ changes: outcome.changes, name: file.name });
      await queryClient.invalidateQueries(trpc.model.pathFilter());
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Panel title="Import" meta={`into ${branch}`}>
      <form aria-label="Import a file" onSubmit={submit} className="space-y-3 p-3">
        <div className="space-y-1">
          <label htmlFor={fileId} className="block text-xs font-medium text-zinc-700">
            File
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,.jsonld,.ttl,application/json,application/ld+json,text/turtle"
            onChange={(e) => void pick(e.target.files?.[0])}
            className="block w-full text-xs file:mr-2 file:rounded file:border file:border-zinc-300 file:bg-white file:px-2 file:py-1 file:text-xs"
          />
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={`${fileId}-format`} className="text-xs font-medium text-zinc-700">
            Format
          </label>
          <div className="w-32">
            <Select
              id={`${fileId}-format`}
              value={format}
              onChange={(e) => setFormat(e.target.value as InterchangeFormat)}
            >
              {INTERCHANGE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_INFO[f].label}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-zinc-700">Mode</legend>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m} className="flex items-start gap-1.5 text-xs">
              <input
                type="radio"
                name="import-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="mt-0.5 accent-accent-600"
              />
              <span>
                <span className="font-medium capitalize">{m}</span>{' '}
                <span className="text-zinc-500">— {MODE_HINT[m]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="primary" disabled={!file || run.isPending}>
          {run.isPending ? 'Importing…' : `Import into ${branch}`}
        </Button>

        {imported ? (
          <Callout
            tone="blue"
            title={
              imported.changes === 0
                ? 'Nothing to change'
                : `Imported ${imported.changes} change${imported.changes === 1 ? '' : 's'}`
            }
          >
            <p>
              {imported.changes === 0
                ? `${imported.name} matches ${branch} already.`
                : `All ${imported.changes} changes from ${imported.name} were applied together, in one step: an import is all or nothing.`}
            </p>
          </Callout>
        ) : null}
        {failure ? <ImportFailure failure={failure} /> : null}
      </form>
    </Panel>
  );
}

function ImportFailure({ failure }: { failure: DescribedError }) {
  return (
    <div className="space-y-1.5">
      <Callout title="Nothing was imported">
        <p>{failure.message}</p>
        {failure.issues.length > 0 ? (
          <p>
            The file has {failure.issues.length} problem{failure.issues.length === 1 ? '' : 's'}; the branch
            is unchanged.
          </p>
        ) : null}
      </Callout>
      {failure.issues.length > 0 ? (
        <div className="max-h-80 overflow-auto rounded border border-zinc-200">
          <Table aria-label="Import issues">
            <THead>
              <tr>
                <TH>Where</TH>
                <TH>Problem</TH>
              </tr>
            </THead>
            <TBody>
              {failure.issues.map((issue, i) => (
                <TR key={`${issue.path}:${i}`}>
                  <TD className="max-w-72 truncate font-mono text-2xs" title={issue.path}>
                    {issue.path}
                  </TD>
                  <TD className="break-words whitespace-normal!">{issue.message}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
