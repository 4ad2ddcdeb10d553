import type { ButtonHTMLAttributes } from 'react';
import { cn } from './cn';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANT: Record<Variant, string> = {
  primary: 'bg-accent-600 text-white border-accent-700 hover:bg-accent-700 disabled:bg-accent-500/60',
  secondary: 'bg-white text-zinc-800 border-zinc-300 hover:bg-zinc-50 disabled:text-zinc-400',
  ghost: 'bg-transparent text-zinc-700 border-transparent hover:bg-zinc-200/70 disabled:text-zinc-400',
  danger: 'bg-white text-red-700 border-zinc-300 hover:bg-red-50',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
}

export function Button({ variant = 'secondary', size = 'md', className, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex items-center gap-1.5 rounded border font-medium whitespace-nowrap shadow-xs transition-colors disabled:cursor-not-allowed',
        size === 'sm' ? 'h-6 px-2 text-xs' : 'h-7 px-2.5 text-[13px]',
        VARIANT[variant],
        className,
      )}
      {...props}
    />
  );
}
