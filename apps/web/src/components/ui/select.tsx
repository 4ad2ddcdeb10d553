import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';
import { fieldClass } from './input';

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  const invalid = props['aria-invalid'] === true || props['aria-invalid'] === 'true';
  return <select className={cn(fieldClass(invalid), 'h-7 pr-6', className)} {...props} />;
}
