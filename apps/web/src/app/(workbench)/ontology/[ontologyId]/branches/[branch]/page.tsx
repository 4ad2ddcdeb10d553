import type { Metadata } from 'next';
import { BranchView } from '@/features/ontology-branches/branch-view';

type Params = Promise<{ ontologyId: string; branch: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Branch ${(await params).branch}` };
}

export default async function BranchPage({ params }: { params: Params }) {
  const { ontologyId, branch } = await params;
  return <BranchView ontologyId={ontologyId} branch={branch} />;
}
