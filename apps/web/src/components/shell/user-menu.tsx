'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function UserMenu({ name, id }: { name: string; id: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="flex items-center gap-2">
      <span className="flex size-6 items-center justify-center rounded-full bg-accent-600 text-2xs font-semibold text-white" aria-hidden>
        {initials}
      </span>
      <div className="leading-tight" data-testid="current-user">
        <p className="text-xs font-medium text-zinc-100">{name}</p>
        <p className="text-2xs text-zinc-400">{id}</p>
      </div>
      <button
        type="button"
        disabled={busy}
        className="ml-1 rounded px-1.5 py-0.5 text-xs text-zinc-300 hover:bg-zinc-700 hover:text-white"
        onClick={async () => {
          setBusy(true);
          await fetch('/api/dev/sign-out', { method: 'POST' });
          router.replace('/sign-in');
          router.refresh();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
