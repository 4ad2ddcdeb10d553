import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

export const fieldClass = (invalid?: boolean) =>
  cn(
    'w-full rounded border bg-white px-2 text-[13px] text-zinc-900 placeholder:text-zinc-400 shadow-xs',
    'focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-100 disabled:bg-zinc-50',
    invalid ? 'border-red-500 ring-red-100' : 'border-zinc-300',
  );

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  const invalid = props['aria-invalid'] === true || props['aria-invalid'] === 'true';
  return <input className={cn(fieldClass(invalid), 'h-7', className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = props['aria-invalid'] === true || props['aria-invalid'] === 'true';
  return <textarea className={cn(fieldClass(invalid), 'min-h-14 py-1', className)} {...props} />;
}
