'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../ui/cn';
import { Icon } from '../ui/icons';
import { SECTIONS } from './sections';

export function LeftRail() {
  const pathname = usePathname();
  return (
    <nav aria-label="Workbench" className="flex w-44 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 py-2">
      <ul className="space-y-px px-1.5">
        {SECTIONS.map((s, i) => {
          const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
          const startsGroup = s.group !== undefined && s.group !== SECTIONS[i - 1]?.group;
          return (
            <li key={s.slug}>
              {startsGroup ? <p className="px-2 pt-3 pb-1 text-2xs font-semibold tracking-wide text-zinc-400 uppercase">{s.group}</p> : null}
              <Link
                href={s.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex h-7 items-center gap-2 rounded px-2 text-[13px]',
                  active ? 'bg-white font-medium text-zinc-900 shadow-xs ring-1 ring-zinc-200' : 'text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900',
                )}
              >
                <Icon name={s.icon} className={active ? 'text-accent-600' : 'text-zinc-400'} />
                <span className="flex-1 truncate">{s.label}</span>
                {s.built ? null : <span className="text-2xs text-zinc-400">soon</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
