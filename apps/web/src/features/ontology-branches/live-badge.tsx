import { Badge } from '@/components/ui/badge';

export function LiveBadge({ live }: { live: boolean }) {
  return live ? (
    <Badge tone="green" dot>
      Live
    </Badge>
  ) : (
    <Badge tone="neutral">Connecting…</Badge>
  );
}
