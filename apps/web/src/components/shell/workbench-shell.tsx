import type { ReactNode } from 'react';
import { LeftRail } from './left-rail';
import { TopBar } from './top-bar';

export function WorkbenchShell({ workspace, actor, children }: { workspace: string | null; actor: { id: string; name: string }; children: ReactNode }) {
  return (
    <div className="flex h-screen flex-col">
      <TopBar workspace={workspace} actor={actor} />
      <div className="flex min-h-0 flex-1">
        <LeftRail />
        <main className="flex min-w-0 flex-1 flex-col overflow-hidden">{children}</main>
      </div>
    </div>
  );
}
