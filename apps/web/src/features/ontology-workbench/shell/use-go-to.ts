'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { isTextField } from '../edit/is-text-field';

const CHORD_MS = 800;

/** Two-key chords such as `g g` (go to the graph): the second key must follow the first within a moment. */
export function useGoTo(chords: Readonly<Record<string, string>>): void {
  const router = useRouter();
  useEffect(() => {
    let armed = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTextField(e.target)) return;
      if (e.key === 'g' && Date.now() - armed > CHORD_MS) {
        armed = Date.now();
        return;
      }
      const target = Date.now() - armed <= CHORD_MS ? chords[e.key] : undefined;
      armed = 0;
      if (target) {
        e.preventDefault();
        router.push(target);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [chords, router]);
}
