'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { Kbd } from '@/components/ui/kbd';
import { datasetPath, withRef } from '../model/dataset-paths';
import { DATASET_TABS } from './dataset-tabs';

export function DatasetTabNav({ datasetId, datasetRef }: { datasetId: string; datasetRef: string }) {
  const pathname = usePathname();
  const base = datasetPath(datasetId);
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const section = rest === '' ? '' : `/${rest.split('/')[1]}`;
  return (
    <nav aria-label="Dataset sections" className="flex items-center gap-0.5 border-b border-zinc-200 bg-white px-3">
      {DATASET_TABS.map((tab) => {
        const active = (tab.matches as readonly string[]).includes(section);
        return (
          <Link
            key={tab.label}
            href={withRef(datasetPath(datasetId, tab.path), datasetRef)}
            aria-current={active ? 'page' : undefined}
            title={`g ${tab.chord}`}
            className={cn(
              'group -mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-1.5 text-xs font-medium',
              active ? 'border-amber-500 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800',
            )}
          >
            {tab.label}
            <span className="hidden opacity-0 transition-opacity group-hover:opacity-100 xl:inline" aria-hidden>
              <Kbd>g {tab.chord}</Kbd>
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
