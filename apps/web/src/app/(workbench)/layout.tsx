import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { WorkbenchShell } from '@/components/shell/workbench-shell';
import { lastOpenedOntology } from '@/lib/workspace';
import { currentActor } from '@/server/session/current-actor';

export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  return (
    <WorkbenchShell workspace={await lastOpenedOntology()} actor={actor}>
      {children}
    </WorkbenchShell>
  );
}
