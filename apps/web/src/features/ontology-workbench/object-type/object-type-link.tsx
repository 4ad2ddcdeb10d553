'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { entityPath } from '../model/entity-paths';
import { onBranch } from '../model/use-branch';
import { usePrefetchObjectType } from '../model/use-object-type-page';

/** A link to an object type's page that starts loading it when pointed at or focused. */
export function ObjectTypeLink({ ontologyId, branch, id, className, children }: { ontologyId: string; branch: string; id: string; className?: string; children: ReactNode }) {
  const prefetch = usePrefetchObjectType(ontologyId, branch);
  return (
    <Link href={onBranch(entityPath(ontologyId, 'objectType', id), branch)} onPointerEnter={() => prefetch(id)} onFocus={() => prefetch(id)} className={className}>
      {children}
    </Link>
  );
}
