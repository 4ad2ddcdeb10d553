import { Badge } from '@/components/ui/badge';
import type { IngestPhase } from '../model/dataset-types';

const TONE = {
  receiving: 'blue',
  received: 'blue',
  reading: 'blue',
  read: 'amber',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
  abandoned: 'neutral',
} as const satisfies Record<IngestPhase, string>;

const LABEL: Record<IngestPhase, string> = {
  receiving: 'receiving',
  received: 'received',
  reading: 'reading',
  read: 'awaiting review',
  committing: 'committing',
  committed: 'committed',
  failed: 'failed',
  abandoned: 'abandoned',
};

export function PhaseBadge({ phase }: { phase: IngestPhase }) {
  return (
    <Badge tone={TONE[phase]} dot>
      {LABEL[phase]}
    </Badge>
  );
}
