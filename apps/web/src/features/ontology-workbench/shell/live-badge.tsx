import { Badge } from '@/components/ui/badge';

export function LiveBadge({ status }: { status: 'idle' | 'connecting' | 'pending' | 'error' }) {
  if (status === 'pending') return <Badge tone="green" dot>Live</Badge>;
  if (status === 'error') return <Badge tone="red" dot>Live updates off</Badge>;
  return <Badge tone="amber" dot>Connecting</Badge>;
}
