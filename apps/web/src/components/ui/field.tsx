import type { ReactNode } from 'react';

/** A labelled form field with its hint and, when the server rejected it, its messages. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700">
        {label}
      </label>
      {children}
      <FieldErrors id={`${id}-error`} errors={errors} />
      {hint && !errors?.length ? <p className="text-2xs text-zinc-500">{hint}</p> : null}
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="space-y-0.5">
      {errors.map((message) => (
        <p key={message} className="text-xs text-red-700">
          {message}
        </p>
      ))}
    </div>
  );
}
