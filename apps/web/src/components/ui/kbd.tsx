import type { ReactNode } from 'react';

export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-2xs text-zinc-600 shadow-[0_1px_0_var(--color-zinc-300)]">
      {children}
    </kbd>
  );
}
