import { Badge } from '@/components/ui/badge';
import type { ConnectorRun } from '../model/dataset-types';

type Outcome = NonNullable<ConnectorRun['outcome']>;
type UnchangedBy = NonNullable<ConnectorRun['unchangedBy']>;

const OUTCOME = {
  committed: { tone: 'green', label: 'committed' },
  unchanged: { tone: 'neutral', label: 'unchanged' },
  failed: { tone: 'red', label: 'failed' },
} as const satisfies Record<Outcome, { tone: string; label: string }>;

/** How a run knew the source had nothing new: short for tables, and in a sentence for tooltips and toasts. */
export const UNCHANGED_BY = {
  'not-modified': { label: 'not modified', sentence: 'the source answered 304 Not Modified to the last ETag / Last-Modified' },
  'content-hash': { label: 'content hash', sentence: 'the bytes hash the same as the last fetch' },
  'existing-version': { label: 'existing version', sentence: 'the branch already holds a version with this content' },
} as const satisfies Record<UnchangedBy, { label: string; sentence: string }>;

/** A run's outcome (why, on hover); a run without one is still going. */
export function RunOutcomeBadge({ run }: { run: Pick<ConnectorRun, 'outcome' | 'unchangedBy' | 'error'> }) {
  if (run.outcome === null)
    return (
      <Badge tone="blue" dot>
        running
      </Badge>
    );
  const { tone, label } = OUTCOME[run.outcome];
  return (
    <span title={run.unchangedBy ? UNCHANGED_BY[run.unchangedBy].sentence : run.error?.message} className="inline-flex">
      <Badge tone={tone} dot>
        {label}
      </Badge>
    </span>
  );
}

/** Enabled connectors run on their schedule; paused ones only when asked. */
export function ConnectorStateBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="amber">paused</Badge>;
}
