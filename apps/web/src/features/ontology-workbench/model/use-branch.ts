'use client';

import { useSearchParams } from 'next/navigation';

export const MAIN_BRANCH = 'main';

/** The branch the workbench shows, from `?branch=` (main when absent). */
export function useBranch(): string {
  return useSearchParams().get('branch') || MAIN_BRANCH;
}

/** A workbench link that stays on the branch. */
export function onBranch(path: string, branch: string): string {
  if (branch === MAIN_BRANCH) return path;
  return `${path}${path.includes('?') ? '&' : '?'}branch=${encodeURIComponent(branch)}`;
}

export const ontologyPath = (ontologyId: string, rest = '') => `/ontology/${encodeURIComponent(ontologyId)}${rest}`;
