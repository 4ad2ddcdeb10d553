import type { ReactNode } from 'react';

/** The strip at the top of a page: breadcrumb-like title, one-line description, page actions. */
export function PageHeader({ section, title, description, actions }: { section: string; title: string; description?: string; actions?: ReactNode }) {
  return (
    <div className="flex items-end gap-4 border-b border-zinc-200 bg-white px-4 py-2.5">
      <div className="min-w-0">
        <p className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">{section}</p>
        <h1 className="truncate text-base font-semibold text-zinc-900">{title}</h1>
        {description ? <p className="truncate text-xs text-zinc-500">{description}</p> : null}
      </div>
      <div className="ml-auto flex items-center gap-2">{actions}</div>
    </div>
  );
}
