import type { DescribedError } from '@/lib/describe-error';

/** What the server says when an edit was based on an old version: ONTOLOGY.<KIND>_CHANGED. */
export interface EntityConflict {
  readonly expectedSeq: number;
  readonly currentSeq: number;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly deleted: boolean;
}

export function asEntityConflict(error: DescribedError): EntityConflict | null {
  if (error.code !== 'CONFLICT' || !/^ONTOLOGY\.[A-Z_]+_CHANGED$/.test(error.domainCode ?? '')) return null;
  const c = error.context;
  return {
    expectedSeq: Number(c.expectedSeq),
    currentSeq: Number(c.currentSeq),
    changedBy: String(c.changedBy),
    changedAt: String(c.changedAt),
    deleted: c.deleted === true,
  };
}
