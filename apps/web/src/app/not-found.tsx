import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState title="Page not found" action={<Link href="/ontology" className="text-xs text-accent-600 underline">Go to the ontology</Link>}>
      There is no page at this address.
    </EmptyState>
  );
}
