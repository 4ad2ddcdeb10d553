import type { InputHTMLAttributes } from 'react';
import { cn } from './cn';

export function Checkbox({ className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return <input type="checkbox" className={cn('size-3.5 rounded-sm border-zinc-300 accent-accent-600', className)} {...props} />;
}
