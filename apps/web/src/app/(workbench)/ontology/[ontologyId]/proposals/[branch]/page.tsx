import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ProposalReview } from '@/features/ontology-branches/proposal-review';
import { currentActor } from '@/server/session/current-actor';

type Params = Promise<{ ontologyId: string; branch: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Proposal ${(await params).branch}` };
}

export default async function ProposalPage({ params }: { params: Params }) {
  const { ontologyId, branch } = await params;
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  return <ProposalReview ontologyId={ontologyId} branch={branch} actorId={actor.id} />;
}
