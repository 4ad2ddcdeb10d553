'use client';

import { useEffect, useRef } from 'react';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { isTextField } from '../edit/is-text-field';

/** A list's search field; `/` focuses it from anywhere on the page. */
export function SearchBox({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (v: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
      e.preventDefault();
      ref.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="relative">
      <Icon name="search" width={14} height={14} className="absolute top-1.5 left-2 text-zinc-400" />
      <input
        ref={ref}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        className="h-6 w-64 rounded border border-zinc-300 bg-white pr-7 pl-7 text-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none"
      />
      <span className="absolute top-1 right-1.5">
        <Kbd>/</Kbd>
      </span>
    </div>
  );
}
