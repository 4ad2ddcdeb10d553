import type { ObjectTypeStatus } from '@spice/domain';
import { Badge } from '@/components/ui/badge';

const TONE = { experimental: 'violet', active: 'green', deprecated: 'amber' } as const;

export function StatusBadge({ status }: { status: ObjectTypeStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
