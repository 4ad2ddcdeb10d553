import { formatCount } from '../model/format-count';

const WIDTH = 280;
const BAR = 14;
const GAP = 4;
const LABEL = 110;

/** The most frequent values as horizontal bars, labelled with the value and its count. */
export function TopValuesChart({ column, values, rowCount }: { column: string; values: readonly { value: string; count: number }[]; rowCount: number }) {
  const shown = values.slice(0, 8);
  const max = Math.max(1, ...shown.map((v) => v.count));
  const height = shown.length * (BAR + GAP);
  return (
    <svg role="img" aria-label={`Top values of ${column}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height} className="block">
      {shown.map((v, i) => {
        const y = i * (BAR + GAP);
        const w = Math.max(2, (v.count / max) * (WIDTH - LABEL - 48));
        return (
          <g key={v.value} data-bar>
            <title>{`${v.value}: ${formatCount(v.count)} of ${formatCount(rowCount)}`}</title>
            <text x={LABEL - 6} y={y + BAR - 3} textAnchor="end" className="fill-zinc-700 text-[11px]">
              {v.value.length > 16 ? `${v.value.slice(0, 15)}…` : v.value || '(empty)'}
            </text>
            <rect x={LABEL} y={y} width={w} height={BAR} rx={2} className="fill-amber-400" />
            <text x={LABEL + w + 4} y={y + BAR - 3} className="fill-zinc-500 text-[10px]">
              {formatCount(v.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
