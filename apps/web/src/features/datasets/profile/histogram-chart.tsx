import { formatCount } from '../model/format-count';

const WIDTH = 280;
const HEIGHT = 72;

/** Equal-width bins over [min, max] as bars; each bar's tooltip names its range and count. */
export function HistogramChart({ column, bins, label = (b) => b }: { column: string; bins: readonly { from: string; to: string; count: number }[]; label?: (bound: string) => string }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = WIDTH / Math.max(bins.length, 1);
  return (
    <figure className="space-y-0.5">
      <svg role="img" aria-label={`Histogram of ${column}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none" className="block">
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-zinc-300" />
        {bins.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (HEIGHT - 4));
          return (
            <rect key={i} data-bar x={i * slot + 1} y={HEIGHT - 1 - h} width={Math.max(slot - 2, 1)} height={h} rx={1} className="fill-accent-500 hover:fill-accent-700">
              <title>{`${label(b.from)} – ${label(b.to)}: ${formatCount(b.count)}`}</title>
            </rect>
          );
        })}
      </svg>
      {bins.length ? (
        <figcaption className="flex justify-between font-mono text-2xs text-zinc-500">
          <span className="truncate">{label(bins[0]!.from)}</span>
          <span className="truncate">{label(bins.at(-1)!.to)}</span>
        </figcaption>
      ) : null}
    </figure>
  );
}
