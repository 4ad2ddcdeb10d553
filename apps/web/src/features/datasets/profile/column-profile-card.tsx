import { describeDataType, type ColumnStats, type DataType } from '@spice/domain';
import { formatCount, formatShare } from '../model/format-count';
import { HistogramChart } from './histogram-chart';
import { TopValuesChart } from './top-values-chart';

/** How a histogram names its bounds: dates without the midnight their statistics carry. */
function boundLabel(dataType: DataType): (bound: string) => string {
  return dataType === 'date' ? (bound) => bound.slice(0, 10) : (bound) => bound;
}

/** One column's profile: null share, distinct count, min and max, and its distribution. */
export function ColumnProfileCard({ dataType, stats, rowCount }: { dataType: DataType; stats: ColumnStats; rowCount: number }) {
  const nullShare = rowCount ? stats.nullCount / rowCount : 0;
  const allDistinct = stats.histogram.length === 0 && stats.distinctCount > 1 && stats.distinctCount === rowCount - stats.nullCount;
  return (
    <article aria-label={`Profile of ${stats.name}`} className="flex flex-col gap-2 rounded-md border border-zinc-200 bg-white p-3">
      <header className="flex min-w-0 items-baseline gap-2">
        <h3 className="min-w-0 shrink-0 truncate text-[13px] font-semibold text-zinc-900" title={stats.name}>
          {stats.name}
        </h3>
        <span className="ml-auto min-w-0 truncate rounded bg-zinc-100 px-1 font-mono text-2xs text-zinc-600" title={describeDataType(dataType)}>
          {describeDataType(dataType)}
        </span>
      </header>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        <div>
          <dt className="text-2xs text-zinc-500">Nulls</dt>
          <dd className="flex items-center gap-1.5">
            <span className="tabular-nums">{formatShare(nullShare)}</span>
            <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
              <span className="block h-full bg-zinc-400" style={{ width: `${Math.min(100, nullShare * 100)}%` }} />
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-2xs text-zinc-500">Distinct</dt>
          <dd className="tabular-nums">{formatCount(stats.distinctCount)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-2xs text-zinc-500">Min</dt>
          <dd className="truncate font-mono text-2xs" title={stats.min ?? ''}>
            {stats.min ?? '—'}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-2xs text-zinc-500">Max</dt>
          <dd className="truncate font-mono text-2xs" title={stats.max ?? ''}>
            {stats.max ?? '—'}
          </dd>
        </div>
      </dl>
      <div className="mt-auto">
        {stats.histogram.length ? (
          <HistogramChart column={stats.name} bins={stats.histogram} label={boundLabel(dataType)} />
        ) : allDistinct ? (
          <p className="text-2xs text-zinc-500">Every value is different: a candidate key rather than a category.</p>
        ) : stats.topValues.length ? (
          <TopValuesChart column={stats.name} values={stats.topValues} rowCount={rowCount} />
        ) : (
          <p className="text-2xs text-zinc-400">No distribution: every value is null.</p>
        )}
      </div>
    </article>
  );
}
