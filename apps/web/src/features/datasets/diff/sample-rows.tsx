import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatCell } from '../preview/format-cell';

type Row = Record<string, unknown>;

const cell = (v: unknown) => (v === null || v === undefined ? <span className="text-2xs text-zinc-300 italic">null</span> : formatCell(v));

/** Sample rows that were added or removed, one column per field. */
export function SampleRows({ label, rows, tone }: { label: string; rows: readonly Row[]; tone: 'added' | 'removed' }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <TH className="w-6" />
          {columns.map((c) => (
            <TH key={c}>{c}</TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          <TR key={i} className={tone === 'added' ? 'bg-emerald-50/60' : 'bg-red-50/60'}>
            <TD className={tone === 'added' ? 'font-mono text-emerald-700' : 'font-mono text-red-700'}>{tone === 'added' ? '+' : '−'}</TD>
            {columns.map((c) => (
              <TD key={c}>{cell(r[c])}</TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Rows whose key matched with other values: each field shows before → after where it changed. */
export function ChangedRows({ label, rows }: { label: string; rows: readonly { key: Row; before: Row; after: Row }[] }) {
  const keyColumns = [...new Set(rows.flatMap((r) => Object.keys(r.key)))];
  const columns = [...new Set(rows.flatMap((r) => [...Object.keys(r.before), ...Object.keys(r.after)]))].filter((c) => !keyColumns.includes(c));
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          {keyColumns.map((c) => (
            <TH key={c}>{c} (key)</TH>
          ))}
          {columns.map((c) => (
            <TH key={c}>{c}</TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          <TR key={i}>
            {keyColumns.map((c) => (
              <TD key={c} className="font-medium">
                {cell(r.key[c])}
              </TD>
            ))}
            {columns.map((c) => {
              const changed = JSON.stringify(r.before[c]) !== JSON.stringify(r.after[c]);
              return (
                <TD key={c} className={changed ? 'bg-amber-50' : 'text-zinc-500'} data-changed={changed || undefined}>
                  {changed ? (
                    <>
                      <span className="text-red-700 line-through">{cell(r.before[c])}</span> → <span className="font-medium text-emerald-800">{cell(r.after[c])}</span>
                    </>
                  ) : (
                    cell(r.after[c])
                  )}
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
