import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatCount } from '../model/format-count';

export interface Problem {
  readonly rule: string;
  readonly line?: number;
  readonly column?: string | number;
  readonly message: string;
}

/**
 * Problems found in a file or its values, each located by line (or data row) and column. `lineLabel` says which
 * one it is: a physical line of the file when reading, a data row when casting.
 */
export function ProblemsTable({ label, problems, lineLabel = 'Line', total }: { label: string; problems: readonly Problem[]; lineLabel?: string; total?: number }) {
  return (
    <div>
      <Table aria-label={label}>
        <THead>
          <tr>
            <TH className="w-16 text-right">{lineLabel}</TH>
            <TH className="w-40">Column</TH>
            <TH className="w-36">Rule</TH>
            <TH>Message</TH>
          </tr>
        </THead>
        <TBody>
          {problems.map((p, i) => (
            <TR key={i}>
              <TD className="text-right font-mono text-xs">{p.line ?? '—'}</TD>
              <TD className="font-mono text-xs">{p.column ?? '—'}</TD>
              <TD>
                <span className="rounded bg-red-50 px-1 font-mono text-2xs text-red-800">{p.rule}</span>
              </TD>
              <TD className="whitespace-normal! text-zinc-800">{p.message}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {total !== undefined && total > problems.length ? (
        <p className="px-2 py-1 text-2xs text-zinc-500">
          Showing the first {formatCount(problems.length)} of {formatCount(total)} problems.
        </p>
      ) : null}
    </div>
  );
}
