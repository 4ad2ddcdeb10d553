import type { ReactNode } from 'react';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-14 text-center">
      <div className="size-8 rounded-md border border-dashed border-zinc-300 bg-zinc-50" aria-hidden />
      <p className="text-sm font-medium text-zinc-800">{title}</p>
      {children ? <div className="max-w-md text-xs text-zinc-500">{children}</div> : null}
      {action}
    </div>
  );
}
