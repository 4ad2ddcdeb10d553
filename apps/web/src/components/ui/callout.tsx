import type { ReactNode } from 'react';
import { cn } from './cn';

export function Callout({ tone = 'red', title, children }: { tone?: 'red' | 'amber' | 'blue'; title: string; children?: ReactNode }) {
  const toneClass = {
    red: 'border-red-200 bg-red-50 text-red-900',
    amber: 'border-amber-200 bg-amber-50 text-amber-900',
    blue: 'border-accent-100 bg-accent-50 text-accent-700',
  }[tone];
  return (
    <div role={tone === 'red' ? 'alert' : 'status'} className={cn('rounded border px-3 py-2 text-xs', toneClass)}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-0.5 space-y-0.5">{children}</div> : null}
    </div>
  );
}
