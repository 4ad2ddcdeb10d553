import { Panel } from '@/components/ui/panel';
import type { IngestJob } from '../model/dataset-types';
import { formatCount } from '../model/format-count';
import { ProblemsTable } from './problems-table';

/** What reading the file found: rows, skipped rows, and each problem with its line and column. */
export function ReadReport({ result }: { result: NonNullable<IngestJob['readResult']> }) {
  return (
    <Panel title="Read report" meta={result.problems.length ? `${result.problems.length} problem${result.problems.length > 1 ? 's' : ''}` : 'no problems'}>
      <dl aria-label="Read summary" className="grid grid-cols-3 gap-2 p-3 text-xs">
        <div>
          <dt className="text-2xs text-zinc-500">Rows read</dt>
          <dd className="text-sm font-semibold tabular-nums">{formatCount(result.rowCount)}</dd>
        </div>
        <div>
          <dt className="text-2xs text-zinc-500">Columns</dt>
          <dd className="text-sm font-semibold tabular-nums">{result.columns.length}</dd>
        </div>
        <div>
          <dt className="text-2xs text-zinc-500">Skipped rows</dt>
          <dd className={result.skippedRows ? 'text-sm font-semibold text-amber-700 tabular-nums' : 'text-sm font-semibold tabular-nums'}>{formatCount(result.skippedRows)}</dd>
        </div>
      </dl>
      {result.table ? (
        <p className="px-3 pb-2 text-2xs text-zinc-500">
          Table read: <span className="font-mono">{result.table.sheet ? `${result.table.sheet}!` : ''}{result.table.range || 'whole file'}</span>
        </p>
      ) : null}
      {result.problems.length ? <ProblemsTable label="Read problems" problems={result.problems} /> : null}
    </Panel>
  );
}
