'use client';

import Link from 'next/link';
import { ENTITY_LABEL, type EntityReference } from '@spice/domain';
import { entityPath } from '../model/entity-paths';
import { onBranch } from '../model/use-branch';

/** What refers to the object type: while anything does, it can't be deleted or renamed. */
export function UsedByPanel({ ontologyId, branch, references }: { ontologyId: string; branch: string; references: readonly EntityReference[] }) {
  if (references.length === 0) return <p className="px-3 py-2 text-xs text-zinc-500">Nothing refers to it: it can be renamed or deleted.</p>;
  return (
    <ul aria-label="Used by" className="divide-y divide-zinc-100">
      {references.map((r) => (
        <li key={`${r.kind}:${r.id}:${r.via}`} className="flex items-center gap-2 px-3 py-1.5 text-xs">
          <span className="text-zinc-500">{ENTITY_LABEL[r.kind]}</span>
          <Link href={onBranch(entityPath(ontologyId, r.kind, r.id), branch)} className="font-mono text-accent-700 hover:underline">
            {r.apiName}
          </Link>
          <span className="ml-auto text-zinc-500">{r.via}</span>
        </li>
      ))}
    </ul>
  );
}
