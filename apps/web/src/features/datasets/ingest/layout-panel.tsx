'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import type { DescribedError } from '@/lib/describe-error';
import type { DetectedLayout, ReadOptions } from '../model/dataset-types';
import { formatCount } from '../model/format-count';
import { ReadChoices, READ_FORMATS, showDelimiter } from './read-option-choices';


/** Until a file reads, its extension is the best guess of which options apply. */
function formatFromName(fileName: string): ReadOptions['format'] {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'jsonl') return 'ndjson';
  return READ_FORMATS.find((f) => f === ext) ?? (ext === 'txt' ? 'csv' : undefined);
}

/**
 * What was detected about the file, and the options to read it again with: encoding, delimiter, header, and for
 * spreadsheets the sheet and the table range (the detected candidates are offered to pick from).
 */
export function LayoutPanel({
  layout,
  fileName,
  options,
  pending,
  disabled,
  failure,
  expanded,
  onReread,
}: {
  layout: DetectedLayout | null;
  fileName: string;
  options: ReadOptions;
  pending: boolean;
  disabled: boolean;
  failure: DescribedError | null;
  /** Open the read options from the start (the file failed to read: other options are the way forward). */
  expanded: boolean;
  onReread: (options: ReadOptions) => void;
}) {
  const [draft, setDraft] = useState<ReadOptions>(options);
  const optionsKey = JSON.stringify(options);
  // By content: a refetched job with the same options must not throw away what the user is choosing.
  useEffect(() => setDraft(JSON.parse(optionsKey) as ReadOptions), [optionsKey]);
  const set = <K extends keyof ReadOptions>(key: K, value: ReadOptions[K] | '') => {
    const next = { ...draft };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value as ReadOptions[K];
    setDraft(next);
  };
  const format = draft.format ?? layout?.format ?? formatFromName(fileName);
  const spreadsheet = format === 'xlsx';
  const json = format === 'json' || format === 'ndjson';
  const candidates = layout?.tableCandidates ?? [];

  return (
    <Panel title="Detected layout" meta={layout ? layout.format.toUpperCase() : undefined}>
      <div className="space-y-3 p-3">
        {layout ? (
          <dl aria-label="Detected layout" className="grid grid-cols-[auto_1fr_auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            <dt className="text-zinc-500">Format</dt>
            <dd className="font-mono">{layout.format}</dd>
            <dt className="text-zinc-500">Encoding</dt>
            <dd className="font-mono">
              {layout.encoding ?? '—'}
              {layout.hadByteOrderMark ? ' (with BOM)' : ''}
            </dd>
            {layout.delimiter !== null ? (
              <>
                <dt className="text-zinc-500">Delimiter</dt>
                <dd className="font-mono">{showDelimiter(layout.delimiter)}</dd>
              </>
            ) : null}
            {layout.quote !== null ? (
              <>
                <dt className="text-zinc-500">Quote</dt>
                <dd className="font-mono">{layout.quote}</dd>
              </>
            ) : null}
            <dt className="text-zinc-500">Header</dt>
            <dd>{layout.hasHeader ? 'first row is the header' : 'no header row'}</dd>
            {layout.sheets.length ? (
              <>
                <dt className="text-zinc-500">Sheets</dt>
                <dd>{layout.sheets.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="text-xs text-zinc-500">The layout is recorded once the file reads; choose the options to read it with below.</p>
        )}

        {candidates.length > 1 || (spreadsheet && candidates.length) ? (
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-zinc-700">{json ? 'Records' : 'Tables found'}</legend>
            {candidates.map((c) => {
              const chosen = (draft.range ?? candidates[0]?.range) === c.range && (draft.sheet ?? candidates[0]?.sheet) === c.sheet;
              return (
                <label
                  key={`${c.sheet}!${c.range}`}
                  className={cn('flex cursor-pointer gap-2 rounded border px-2 py-1 text-xs', chosen ? 'border-accent-500 bg-accent-50' : 'border-zinc-200 hover:bg-zinc-50')}
                >
                  <input
                    type="radio"
                    name="table-candidate"
                    aria-label={`Table ${c.sheet ? `${c.sheet}!` : ''}${c.range}`}
                    checked={chosen}
                    disabled={disabled}
                    onChange={() => setDraft({ ...draft, ...(c.sheet ? { sheet: c.sheet } : {}), ...(c.range ? { range: c.range } : {}) })}
                  />
                  <span className="min-w-0">
                    <span className="font-mono font-medium">
                      {c.sheet ? `${c.sheet}!` : ''}
                      {c.range || 'whole file'}
                    </span>{' '}
                    · {formatCount(c.rowCount)} rows · {c.columns.length} columns
                    <span className="block truncate text-2xs text-zinc-500" title={c.columns.join(', ')}>
                      {c.columns.join(', ')}
                    </span>
                    {c.notes.map((n) => (
                      <span key={n} className="block text-2xs text-amber-800">
                        {n}
                      </span>
                    ))}
                  </span>
                </label>
              );
            })}
          </fieldset>
        ) : null}

        <details open={expanded} className="rounded border border-zinc-200 px-2 py-1.5">
        <summary className="cursor-pointer text-xs font-medium text-zinc-700">Read again with other options</summary>
        <form
          aria-label="Read options"
          className="mt-2 grid grid-cols-3 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onReread(draft);
          }}
        >
          <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
            Format
            <Select aria-label="Read format" value={draft.format ?? ''} disabled={disabled} onChange={(e) => set('format', e.target.value as ReadOptions['format'])}>
              <ReadChoices of="format" detect={layout ? `detected (${layout.format})` : 'detect'} />
            </Select>
          </label>
          {!spreadsheet && format !== 'parquet' ? (
            <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
              Encoding
              <Select aria-label="Read encoding" value={draft.encoding ?? ''} disabled={disabled} onChange={(e) => set('encoding', e.target.value)}>
                <ReadChoices of="encoding" detect={layout?.encoding ? `detected (${layout.encoding})` : 'detect'} />
              </Select>
            </label>
          ) : null}
          {format === 'csv' || format === 'tsv' ? (
            <>
              <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
                Delimiter
                <Select aria-label="Read delimiter" value={draft.delimiter ?? ''} disabled={disabled} onChange={(e) => set('delimiter', e.target.value)}>
                  <ReadChoices of="delimiter" detect={layout?.delimiter ? `detected (${showDelimiter(layout.delimiter)})` : 'detect'} />
                </Select>
              </label>
              <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
                Header row
                <Select
                  aria-label="Read header row"
                  value={draft.hasHeader === undefined ? '' : String(draft.hasHeader)}
                  disabled={disabled}
                  onChange={(e) => set('hasHeader', e.target.value === '' ? '' : e.target.value === 'true')}
                >
                  <ReadChoices of="hasHeader" detect={layout ? `detected (${layout.hasHeader ? 'yes' : 'no'})` : 'detect'} />
                </Select>
              </label>
            </>
          ) : null}
          {spreadsheet ? (
            <>
              <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
                Sheet
                <Select aria-label="Read sheet" value={draft.sheet ?? ''} disabled={disabled} onChange={(e) => set('sheet', e.target.value)}>
                  <option value="">first with data</option>
                  {(layout?.sheets ?? []).map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
                Table range
                <Input aria-label="Read range" className="font-mono" placeholder="A3:F120" value={draft.range ?? ''} disabled={disabled} onChange={(e) => set('range', e.target.value.toUpperCase())} />
              </label>
            </>
          ) : null}
          {json ? (
            <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
              Nested fields
              <Select aria-label="Read nested fields" value={draft.nested ?? ''} disabled={disabled} onChange={(e) => set('nested', e.target.value as ReadOptions['nested'])}>
                <option value="">default</option>
                <option value="flatten">flatten to parent.child columns</option>
                <option value="struct">keep as one JSON column</option>
              </Select>
            </label>
          ) : null}
          <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
            Bad rows
            <Select aria-label="Read bad rows" value={draft.badRows} disabled={disabled} onChange={(e) => set('badRows', e.target.value as 'fail' | 'skip')}>
              <option value="fail">fail and report</option>
              <option value="skip">skip and report</option>
            </Select>
          </label>
          <div className="col-span-3 flex items-center gap-2">
            <Button type="submit" size="sm" disabled={disabled || pending}>
              {pending ? 'Reading…' : 'Read again'}
            </Button>
            <span className="text-2xs text-zinc-500">reads the stored file again; nothing is uploaded</span>
          </div>
        </form>
        </details>
        {failure ? <Callout title={failure.title}>{failure.message}</Callout> : null}
      </div>
    </Panel>
  );
}
