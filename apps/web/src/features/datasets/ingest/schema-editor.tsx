'use client';

import { toStrptime } from '@spice/domain';
import { Fragment, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldErrors } from '@/components/ui/field';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { DataTypePicker } from '../../ontology-workbench/data-type/data-type-picker';
import { formatCount, formatShare } from '../model/format-count';
import { ConfidenceMeter } from './confidence-meter';
import { FormatFields } from './format-fields';
import type { ColumnInference } from './inference-details';
import { InferenceEvidence } from './inference-evidence';
import { describeFormat, isOverridden, withDatePattern, withType, type DraftColumn } from './schema-draft';

/**
 * The proposed schema as an editable table: each column's type (the ontology's data types), inference's
 * confidence and reasons, nullability and how its text is read. Overridden columns are marked and can be reset.
 * `issues` are the server's field issues keyed by path inside the schema (`3.format.dateFormat`).
 */
export function SchemaEditor({
  columns,
  proposed,
  inference,
  issues,
  disabled,
  filter,
  onChange,
}: {
  columns: readonly DraftColumn[];
  proposed: readonly DraftColumn[];
  inference: ReadonlyMap<string, ColumnInference>;
  issues: ReadonlyMap<string, string[]>;
  disabled: boolean;
  /** Shows only the columns whose name contains it (the indexes stay those of the whole schema). */
  filter: string;
  onChange: (index: number, column: DraftColumn) => void;
}) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (i: number) => setOpen((s) => (s.has(i) ? new Set([...s].filter((x) => x !== i)) : new Set([...s, i])));
  return (
    <Table aria-label="Proposed schema" className="min-w-[1100px] table-fixed">
      <colgroup>
        <col className="w-8" />
        <col className="w-40" />
        <col className="w-60" />
        <col className="w-26" />
        <col />
        <col className="w-28" />
        <col className="w-18" />
        <col className="w-52" />
      </colgroup>
      <THead>
        <tr>
          <TH className="text-right">#</TH>
          <TH>Column</TH>
          <TH>Type</TH>
          <TH>Confidence</TH>
          <TH>Why</TH>
          <TH>Values</TH>
          <TH>Nullable</TH>
          <TH>Format</TH>
        </tr>
      </THead>
      <TBody>
        {columns.map((column, i) => {
          if (filter && !column.name.toLowerCase().includes(filter.toLowerCase())) return null;
          const before = proposed[i];
          const report = inference.get(column.name);
          const overridden = isOverridden(column, before);
          const rowIssues = [...issues.entries()].filter(([path]) => path === String(i) || path.startsWith(`${i}.`));
          const formatIssues = new Map(rowIssues.filter(([p]) => p.startsWith(`${i}.format.`)).map(([p, m]) => [p.slice(`${i}.format.`.length), m]));
          const otherIssues = rowIssues.filter(([p]) => !p.startsWith(`${i}.format.`)).flatMap(([, m]) => m);
          const chosenPattern = report?.dateChoices.find((p) => {
            const s = toStrptime(p);
            return s !== null && (column.format.dateFormat === s || column.format.timestampFormat === s);
          });
          const formatText = describeFormat(column.format);
          return (
            <Fragment key={column.name}>
              <TR data-column={column.name} className={overridden ? 'bg-amber-50/40' : undefined}>
                <TD className="text-right align-top font-mono text-2xs text-zinc-400">{i + 1}</TD>
                <TD className="align-top">
                  <div className="truncate font-medium text-zinc-900" title={column.name}>
                    {column.name}
                  </div>
                  {overridden ? (
                    <span className="flex items-center gap-1">
                      <Badge tone="amber">overridden</Badge>
                      {before ? (
                        <button type="button" className="text-2xs text-accent-700 hover:underline" onClick={() => onChange(i, before)} disabled={disabled}>
                          reset
                        </button>
                      ) : null}
                    </span>
                  ) : report?.identifier ? (
                    <Badge tone="violet">identifier-like</Badge>
                  ) : null}
                </TD>
                <TD className="align-top whitespace-normal!">
                  <DataTypePicker label={`Type of ${column.name}`} value={column.dataType} disabled={disabled} invalid={otherIssues.length > 0} onChange={(t) => onChange(i, withType(column, t, before))} />
                  <FieldErrors id={`schema-${i}-error`} errors={otherIssues.length ? otherIssues : undefined} />
                </TD>
                <TD className="align-top">{report ? <ConfidenceMeter value={report.confidence} column={column.name} /> : <span className="text-2xs text-zinc-400">—</span>}</TD>
                <TD className="align-top">
                  <InferenceEvidence
                    inference={report}
                    chosenPattern={chosenPattern ?? null}
                    onChoosePattern={(pattern) => {
                      const next = withDatePattern(column, pattern);
                      if (next) onChange(i, next);
                    }}
                  />
                </TD>
                <TD className="align-top text-2xs text-zinc-600">
                  {report ? (
                    <>
                      {formatShare(report.nulls.share)} null
                      <br />
                      {report.distinct.exact ? '' : '≈'}
                      {formatCount(report.distinct.count)} distinct
                    </>
                  ) : (
                    '—'
                  )}
                </TD>
                <TD className="align-top">
                  <Checkbox aria-label={`${column.name} nullable`} checked={column.nullable} disabled={disabled} onChange={(e) => onChange(i, { ...column, nullable: e.target.checked })} />
                </TD>
                <TD className="align-top whitespace-normal!">
                  <div className="flex items-start gap-1">
                    <span className="min-w-0 flex-1 font-mono text-2xs break-all text-zinc-600">{formatText || <span className="text-zinc-400">default</span>}</span>
                    <Button size="sm" variant="ghost" aria-expanded={open.has(i)} aria-label={`Edit format of ${column.name}`} onClick={() => toggle(i)}>
                      {open.has(i) ? 'Done' : 'Edit'}
                    </Button>
                  </div>
                  {formatIssues.size && !open.has(i) ? <p className="text-2xs text-red-700">Check the format</p> : null}
                </TD>
              </TR>
              {open.has(i) ? (
                <tr>
                  <td colSpan={8} className="border-b border-zinc-200 bg-zinc-50 px-10 py-2">
                    <FormatFields column={column} errors={formatIssues} onChange={(format) => onChange(i, { ...column, format })} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
