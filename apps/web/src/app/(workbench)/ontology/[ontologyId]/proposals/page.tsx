import type { Metadata } from 'next';
import { ProposalsTab } from '@/features/ontology-branches/proposals-tab';

export const metadata: Metadata = { title: 'Proposals' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return <ProposalsTab ontologyId={ontologyId} />;
}
