'use client';

import Link from 'next/link';
import type { EntityName, LinkTypeTouching } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { entityPath } from '../model/entity-paths';
import { onBranch, ontologyPath } from '../model/use-branch';
import { linksOfType } from './links-of-type';

/** The link types this object type takes part in, named and counted from its side. */
export function LinksPanel({ ontologyId, branch, apiName, linkTypes }: { ontologyId: string; branch: string; apiName: string; linkTypes: readonly LinkTypeTouching[] }) {
  const links = linksOfType(
    apiName,
    linkTypes.map((l) => l.linkType),
  );
  const ends = new Map<string, EntityName>();
  for (const { source, target } of linkTypes) for (const end of [source, target]) if (end) ends.set(end.apiName, end);
  return (
    <div>
      {links.length === 0 ? (
        <p className="px-3 py-2 text-xs text-zinc-500">No link types start or end here.</p>
      ) : (
        <ul aria-label="Links" className="divide-y divide-zinc-100">
          {links.map((l) => {
            const target = ends.get(l.other);
            return (
              <li key={`${l.link.id}:${l.name}`} className="flex items-center gap-2 px-3 py-1.5 text-xs">
                <Link href={onBranch(entityPath(ontologyId, 'linkType', l.link.id), branch)} className="font-mono font-medium text-accent-700 hover:underline">
                  {l.name}
                </Link>
                <span className="text-zinc-400">→</span>
                {target ? (
                  <Link href={onBranch(entityPath(ontologyId, 'objectType', target.id), branch)} className="font-mono hover:underline">
                    {l.other}
                  </Link>
                ) : (
                  <span className="font-mono">{l.other}</span>
                )}
                <span className="ml-auto">
                  <Badge>{l.cardinality}</Badge>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="border-t border-zinc-100 px-3 py-1.5">
        <Link href={onBranch(ontologyPath(ontologyId, `/link-types?new=${encodeURIComponent(apiName)}`), branch)} className="text-xs text-accent-700 hover:underline">
          + New link type from {apiName}
        </Link>
      </div>
    </div>
  );
}
