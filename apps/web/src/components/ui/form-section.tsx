import type { ReactNode } from 'react';

/** A titled group of fields in a long form, so a panel reads as a few short steps. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="border-t border-zinc-200 pt-3 first:border-t-0 first:pt-0">
      <fieldset className="min-w-0">
        <legend className="mb-2 text-2xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</legend>
        <div className="space-y-3">{children}</div>
      </fieldset>
    </div>
  );
}
