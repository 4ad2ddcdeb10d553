import type { DescribedError } from '@/lib/describe-error';

/** What the server says about a version conflict on an object type (ONTOLOGY.OBJECT_TYPE_CHANGED). */
export interface ObjectTypeConflict {
  readonly expectedSeq: number;
  readonly currentSeq: number;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly deleted: boolean;
}

export function asObjectTypeConflict(error: DescribedError): ObjectTypeConflict | null {
  if (error.code !== 'CONFLICT' || error.domainCode !== 'ONTOLOGY.OBJECT_TYPE_CHANGED') return null;
  const c = error.context;
  return {
    expectedSeq: Number(c.expectedSeq),
    currentSeq: Number(c.currentSeq),
    changedBy: String(c.changedBy),
    changedAt: String(c.changedAt),
    deleted: c.deleted === true,
  };
}
