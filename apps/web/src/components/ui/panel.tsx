import type { ReactNode } from 'react';
import { cn } from './cn';

/** A bordered work surface with a compact header row (title, counts, actions). */
export function Panel({ title, meta, actions, children, className }: { title: ReactNode; meta?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn('flex min-h-0 flex-col rounded-md border border-zinc-200 bg-white', className)}>
      <header className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-3">
        <h2 className="text-xs font-semibold text-zinc-800">{title}</h2>
        {meta ? <div className="text-2xs text-zinc-500">{meta}</div> : null}
        <div className="ml-auto flex items-center gap-1.5">{actions}</div>
      </header>
      <div className="min-h-0 flex-1 overflow-auto">{children}</div>
    </section>
  );
}
