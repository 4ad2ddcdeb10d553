import type { ReactNode } from 'react';

/** A titled group of fields in a long form, so a panel reads as a few short steps. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 border-t border-zinc-200 pt-3 first:border-t-0 first:pt-0">
      <legend className="float-left mb-2 w-full text-2xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</legend>
      {children}
    </fieldset>
  );
}
