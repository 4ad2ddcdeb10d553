import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'neutral' | 'green' | 'red' | 'amber' | 'blue' | 'violet';

const TONE: Record<Tone, string> = {
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  red: 'bg-red-50 text-red-800 ring-red-300',
  amber: 'bg-amber-50 text-amber-800 ring-amber-300',
  blue: 'bg-accent-50 text-accent-700 ring-accent-100',
  violet: 'bg-violet-50 text-violet-800 ring-violet-200',
};

export function Badge({ tone = 'neutral', dot, children }: { tone?: Tone; dot?: boolean; children: ReactNode }) {
  return (
    <span className={cn('inline-flex h-[18px] items-center gap-1 rounded px-1.5 text-2xs font-medium ring-1 ring-inset', TONE[tone])}>
      {dot ? <span className="size-1.5 rounded-full bg-current" aria-hidden /> : null}
      {children}
    </span>
  );
}
