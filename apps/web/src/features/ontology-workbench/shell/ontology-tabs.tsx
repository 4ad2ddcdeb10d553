'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { onBranch, ontologyPath } from '../model/use-branch';

export const ONTOLOGY_TABS = [
  { label: 'Object types', path: '', matches: ['', '/object-types'] },
  { label: 'Link types', path: '/link-types', matches: ['/link-types'] },
  { label: 'Interfaces', path: '/interfaces', matches: ['/interfaces'] },
  { label: 'Shared properties', path: '/shared-properties', matches: ['/shared-properties'] },
  { label: 'Value types', path: '/value-types', matches: ['/value-types'] },
  { label: 'Graph', path: '/graph', matches: ['/graph'] },
  { label: 'Proposals', path: '/proposals', matches: ['/proposals', '/branches'] },
  { label: 'Import/Export', path: '/import-export', matches: ['/import-export'] },
] as const;

export function OntologyTabs({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  const pathname = usePathname();
  const base = ontologyPath(ontologyId);
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const section = rest === '' ? '' : `/${rest.split('/')[1]}`;
  return (
    <nav aria-label="Ontology sections" className="flex gap-0.5 border-b border-zinc-200 bg-white px-3">
      {ONTOLOGY_TABS.map((tab) => {
        const active = (tab.matches as readonly string[]).includes(section);
        return (
          <Link
            key={tab.label}
            href={onBranch(ontologyPath(ontologyId, tab.path), branch)}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-2.5 py-1.5 text-xs font-medium',
              active ? 'border-amber-500 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800',
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
