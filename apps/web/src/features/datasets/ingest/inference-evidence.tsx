'use client';

import { describeDataType } from '@spice/domain';
import { Select } from '@/components/ui/select';
import { formatShare } from '../model/format-count';
import type { ColumnInference } from './inference-details';

/**
 * Why inference proposed the type: its reasons, its warnings, and what else the column could be. An ambiguous
 * day/month order is a question: the user picks the pattern (inference never guesses it).
 */
export function InferenceEvidence({ inference, chosenPattern, onChoosePattern }: { inference: ColumnInference | undefined; chosenPattern: string | null; onChoosePattern: (pattern: string) => void }) {
  if (!inference) return <span className="text-2xs text-zinc-400">no inference report</span>;
  const ambiguous = inference.warnings.some((w) => w.code === 'ambiguous-date-order' || w.code === 'mixed-date-order') && inference.dateChoices.length > 0;
  const [first, ...more] = inference.reasons;
  return (
    <div className="min-w-0 space-y-1 whitespace-normal">
      {ambiguous ? (
        <div className="flex flex-wrap items-center gap-1 rounded border border-amber-300 bg-amber-50 px-1.5 py-1">
          <span className="text-2xs font-medium text-amber-900">Day or month first?</span>
          <Select aria-label={`Date pattern for ${inference.column}`} value={chosenPattern ?? ''} onChange={(e) => e.target.value && onChoosePattern(e.target.value)} className="h-6! w-auto! text-xs">
            <option value="">choose…</option>
            {inference.dateChoices.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {inference.warnings
        .filter((w) => !(ambiguous && w.code === 'ambiguous-date-order'))
        .map((w) => (
          <p key={w.code + w.message} className="text-2xs text-amber-800" role="note">
            ⚠ {w.message}
          </p>
        ))}
      {first ? <p className="text-2xs text-zinc-600">{first}</p> : null}
      {more.length || inference.alternatives.length ? (
        <details className="text-2xs text-zinc-600">
          <summary className="cursor-pointer text-accent-700">{more.length ? `${more.length} more reason${more.length > 1 ? 's' : ''}` : 'alternatives'}</summary>
          <ul className="mt-0.5 list-disc pl-4">
            {more.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {inference.alternatives.length ? (
            <p className="mt-0.5">
              Could also be:{' '}
              {inference.alternatives.map((a, i) => (
                <span key={i} title={a.reason}>
                  {i ? ', ' : ''}
                  <span className="font-mono">{describeDataType(a.dataType)}</span> ({formatShare(a.share)})
                </span>
              ))}
            </p>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
