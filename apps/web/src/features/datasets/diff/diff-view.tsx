'use client';

import { describeDataType } from '@spice/domain';
import { useQuery } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { useDatasetScope } from '../model/dataset-context';
import { diffPath } from '../model/dataset-paths';
import { formatCount } from '../model/format-count';
import { ChangedRows, SampleRows } from './sample-rows';

const TONE = { added: 'green', removed: 'red', 'type-changed': 'amber' } as const;

/**
 * Two versions compared: schema changes, and rows added, removed and changed — by the key columns picked (rows
 * are compared whole without one), with sample rows of each.
 */
export function DiffView() {
  const { datasetId, view, ref, ordinal } = useDatasetScope();
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const [newest, previous] = view.versions;
  const before = params.get('before') ?? previous?.versionId ?? '';
  const after = params.get('after') ?? newest?.versionId ?? '';
  const key = (params.get('key') ?? '').split(',').filter(Boolean);
  const [keyDraft, setKeyDraft] = useState<string[]>(key);
  const ready = before !== '' && after !== '';
  const diff = useQuery({ ...trpc.datasets.diff.queryOptions({ datasetId, before, after, ...(key.length ? { key: key.join(',') } : {}) }, { staleTime: Infinity }), enabled: ready });
  const versionOf = (id: string) => view.versions.find((v) => v.versionId === id);
  const beforeColumns = versionOf(before)?.schema.map((c) => c.name) ?? [];
  const afterColumns = new Set(versionOf(after)?.schema.map((c) => c.name) ?? []);
  const common = beforeColumns.filter((c) => afterColumns.has(c));
  const go = (next: { before?: string; after?: string; key?: string[] }) => router.push(diffPath(datasetId, next.before ?? before, next.after ?? after, next.key ?? key, ref));
  const label = (id: string) => {
    const v = versionOf(id);
    return v ? `v${ordinal(id)} · ${v.branch} · ${v.message}` : id;
  };

  if (view.versions.length < 2) return <EmptyState title="Nothing to compare yet">A diff needs two versions: commit another upload or branch.</EmptyState>;
  const failure = diff.isError ? describeError(diff.error) : null;
  const rows = diff.data?.rows;
  return (
    <div className="min-h-0 flex-1 space-y-3 overflow-auto p-3">
      <form
        aria-label="Compare versions"
        className="flex flex-wrap items-end gap-3 rounded-md border border-zinc-200 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          go({ key: keyDraft });
        }}
      >
        <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
          Before
          <Select aria-label="Before version" value={before} onChange={(e) => go({ before: e.target.value })} className="w-72!">
            {view.versions.map((v) => (
              <option key={v.versionId} value={v.versionId}>
                {label(v.versionId)}
              </option>
            ))}
          </Select>
        </label>
        <span className="pb-1 text-zinc-400">→</span>
        <label className="flex flex-col gap-0.5 text-2xs font-medium text-zinc-600">
          After
          <Select aria-label="After version" value={after} onChange={(e) => go({ after: e.target.value })} className="w-72!">
            {view.versions.map((v) => (
              <option key={v.versionId} value={v.versionId}>
                {label(v.versionId)}
              </option>
            ))}
          </Select>
        </label>
        <fieldset className="flex min-w-0 flex-1 flex-col gap-0.5">
          <legend className="text-2xs font-medium text-zinc-600">Key columns (rows with the same key are compared; none: whole rows)</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {common.map((c) => (
              <label key={c} className="flex items-center gap-1 text-xs">
                <Checkbox aria-label={`Key ${c}`} checked={keyDraft.includes(c)} onChange={(e) => setKeyDraft((k) => (e.target.checked ? [...k, c] : k.filter((x) => x !== c)))} />
                {c}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="primary">
          Compare
        </Button>
      </form>

      {failure ? (
        <Callout title={failure.title}>{failure.message}</Callout>
      ) : !diff.data || !rows ? (
        <TableSkeleton label="Comparing versions" />
      ) : (
        <>
          <section aria-label="Row changes" className="grid grid-cols-4 gap-3">
            {(
              [
                ['Added', rows.added, 'text-emerald-700'],
                ['Removed', rows.removed, 'text-red-700'],
                ['Changed', rows.changed, 'text-amber-700'],
                ['Unchanged', rows.unchanged, 'text-zinc-700'],
              ] as const
            ).map(([name, count, tone]) => (
              <div key={name} className="rounded-md border border-zinc-200 bg-white px-3 py-2" aria-label={`${name} rows`}>
                <p className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">{name}</p>
                <p className={`text-xl font-semibold tabular-nums ${tone}`} data-count={count}>
                  {formatCount(count)}
                </p>
              </div>
            ))}
          </section>
          <p className="text-xs text-zinc-500">
            {rows.comparedBy === 'whole-row' ? 'Compared as whole rows (no key).' : `Compared by key ${rows.comparedBy.join(', ')}.`} {label(diff.data.before.versionId)} ({formatCount(diff.data.before.rowCount)} rows,{' '}
            {formatUtc(diff.data.before.committedAt)}) → {label(diff.data.after.versionId)} ({formatCount(diff.data.after.rowCount)} rows, {formatUtc(diff.data.after.committedAt)}).
          </p>

          <Panel title="Schema changes" meta={`${diff.data.schema.length}`}>
            {diff.data.schema.length === 0 ? (
              <p className="px-3 py-2 text-xs text-zinc-500">Same columns with the same types.</p>
            ) : (
              <Table aria-label="Schema changes">
                <THead>
                  <tr>
                    <TH>Column</TH>
                    <TH>Change</TH>
                    <TH>Before</TH>
                    <TH>After</TH>
                  </tr>
                </THead>
                <TBody>
                  {diff.data.schema.map((s) => (
                    <TR key={s.column}>
                      <TD className="font-medium">{s.column}</TD>
                      <TD>
                        <Badge tone={TONE[s.change]}>{s.change}</Badge>
                      </TD>
                      <TD className="font-mono text-xs">{s.before ? describeDataType(s.before.dataType) : '—'}</TD>
                      <TD className="font-mono text-xs">{s.after ? describeDataType(s.after.dataType) : '—'}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </Panel>
          {rows.samples.changed.length ? (
            <Panel title="Changed rows (sample)" meta={`${rows.samples.changed.length} of ${formatCount(rows.changed)}`}>
              <ChangedRows label="Changed rows" rows={rows.samples.changed} />
            </Panel>
          ) : null}
          {rows.samples.added.length ? (
            <Panel title="Added rows (sample)" meta={`${rows.samples.added.length} of ${formatCount(rows.added)}`}>
              <SampleRows label="Added rows" rows={rows.samples.added} tone="added" />
            </Panel>
          ) : null}
          {rows.samples.removed.length ? (
            <Panel title="Removed rows (sample)" meta={`${rows.samples.removed.length} of ${formatCount(rows.removed)}`}>
              <SampleRows label="Removed rows" rows={rows.samples.removed} tone="removed" />
            </Panel>
          ) : null}
        </>
      )}
    </div>
  );
}
