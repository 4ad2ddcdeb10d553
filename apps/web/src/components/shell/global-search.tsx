'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Icon } from '../ui/icons';
import { Kbd } from '../ui/kbd';

/** Searches the ontology for now (the only indexed content); other indexes join as they land. */
export function GlobalSearch() {
  const router = useRouter();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      className="relative w-96 max-w-full"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(text.trim() ? `/ontology?q=${encodeURIComponent(text.trim())}` : '/ontology');
      }}
    >
      <Icon name="search" className="absolute top-1.5 left-2 text-zinc-400" />
      <input
        type="search"
        aria-label="Search everything"
        placeholder="Search object types…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="h-7 w-full rounded border border-zinc-700 bg-zinc-800 pr-12 pl-7 text-[13px] text-zinc-100 placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none"
      />
      <span className="absolute top-1.5 right-2 opacity-70">
        <Kbd>↵</Kbd>
      </span>
    </form>
  );
}
