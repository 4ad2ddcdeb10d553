'use client';

import { use } from 'react';
import { InterchangeTab } from '@/features/ontology-branches/interchange-tab';
import { useBranch } from '@/features/ontology-workbench/model/use-branch';

export default function Page({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = use(params);
  const branch = useBranch();
  return <InterchangeTab ontologyId={ontologyId} branch={branch} />;
}
