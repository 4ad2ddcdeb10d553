import { cn } from '@/components/ui/cn';

/** Inference's confidence 0..1 as a short bar and a percentage; low confidence is amber, very low red. */
export function ConfidenceMeter({ value, column }: { value: number; column: string }) {
  const pct = Math.round(value * 100);
  const tone = value >= 0.9 ? 'bg-emerald-500' : value >= 0.6 ? 'bg-amber-500' : 'bg-red-500';
  return (
    <span className="flex items-center gap-1.5" title={`Confidence ${pct}%`}>
      <span role="meter" aria-label={`Confidence for ${column}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-1.5 w-12 overflow-hidden rounded-full bg-zinc-200">
        <span className={cn('block h-full', tone)} style={{ width: `${pct}%` }} />
      </span>
      <span className="w-8 text-right text-2xs tabular-nums text-zinc-600">{pct}%</span>
    </span>
  );
}
