import { CommandStatusIndicator } from '@/features/commands/command-status-indicator';
import { Icon } from '../ui/icons';
import { GlobalSearch } from './global-search';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

/** `workspace` is the ontology opened last, for pages outside one; null before any was opened. */
export function TopBar({ workspace, actor }: { workspace: string | null; actor: { id: string; name: string } }) {
  return (
    <header className="flex h-10 shrink-0 items-center gap-3 border-b border-zinc-950 bg-zinc-900 px-3 text-zinc-100">
      <div className="flex w-40 items-center gap-1.5">
        <Icon name="logo" className="text-amber-400" />
        <span className="text-[13px] font-semibold tracking-tight">Spice Harvester</span>
      </div>
      <WorkspaceSwitcher remembered={workspace} />
      <div className="flex flex-1 justify-center">
        <GlobalSearch />
      </div>
      <CommandStatusIndicator />
      <UserMenu name={actor.name} id={actor.id} />
    </header>
  );
}
