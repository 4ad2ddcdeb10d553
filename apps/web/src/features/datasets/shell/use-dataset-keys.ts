'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { isTextField } from '../../ontology-workbench/edit/is-text-field';

const CHORD_MS = 800;

/**
 * The dataset workspace's keys in one listener, so `u` (upload) and the chord `g u` (Uploads tab) never both
 * fire: `g` arms a chord for a moment and the next key is read as its second half.
 */
export function useDatasetKeys(chords: Readonly<Record<string, string>>, onUpload: () => void, enabled: boolean): void {
  const router = useRouter();
  useEffect(() => {
    if (!enabled) return;
    let armed = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTextField(e.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const inChord = Date.now() - armed <= CHORD_MS;
      armed = 0;
      if (inChord && chords[e.key]) {
        e.preventDefault();
        router.push(chords[e.key]!);
      } else if (e.key === 'g') {
        armed = Date.now();
      } else if (e.key === 'u' && !inChord) {
        e.preventDefault();
        onUpload();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [chords, onUpload, enabled, router]);
}
