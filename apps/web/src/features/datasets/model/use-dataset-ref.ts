'use client';

import { useSearchParams } from 'next/navigation';
import { MAIN_BRANCH } from './dataset-paths';

/** What the dataset pages show: `?ref=` names a branch or a version id (main when absent). */
export function useDatasetRef(): string {
  return useSearchParams().get('ref') || MAIN_BRANCH;
}
