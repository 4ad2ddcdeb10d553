'use client';

import type { MergeConflict } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { conflictKey, type Side } from './conflict-key';
import { describePath, describeValue, KIND_LABEL } from './describe-value';
import type { MergeChoices } from './use-merge-choices';

/** A conflict value in words; a missing value means the entity (or list item) is not there on that side. */
function conflictValue(value: unknown, path: string): string {
  if (value === null || value === undefined)
    return path === '(entity)' || /^(properties|links)\.[^.]+$/.test(path) ? '(not there)' : '—';
  return describeValue(value, path);
}

/**
 * Each conflict with base, branch and main side by side and an explicit choice: keep main's value or take the
 * branch's. No side is preselected, so a merge never overwrites anything nobody chose.
 */
export function ConflictResolution({
  conflicts,
  chosen,
  onChoose,
  disabled,
}: {
  conflicts: readonly MergeConflict[];
  chosen: ReadonlyMap<string, Side>;
  onChoose: (conflict: MergeConflict, side: Side) => void;
  disabled?: boolean;
}) {
  return (
    <table aria-label="Merge conflicts" className="w-full table-fixed border-collapse text-xs">
      <thead>
        <tr className="text-2xs tracking-wide text-zinc-500 uppercase">
          <th className="w-40 px-2 py-1 text-left font-medium">Conflict</th>
          <th className="px-2 py-1 text-left font-medium">Base</th>
          <th className="px-2 py-1 text-left font-medium">Branch</th>
          <th className="px-2 py-1 text-left font-medium">Main</th>
          <th className="w-44 px-2 py-1 text-left font-medium">Resolution</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => {
          const key = conflictKey(c);
          const take = chosen.get(key);
          const label = `${c.apiName} ${describePath(c.path)}`;
          return (
            <tr key={key} aria-label={label} className="border-t border-zinc-200 align-top">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">
                <span className="block text-2xs text-zinc-500">{KIND_LABEL[c.kind].one}</span>
                <span className="block font-mono font-medium text-zinc-900">{c.apiName}</span>
                <span className="block text-zinc-700">{describePath(c.path)}</span>
              </th>
              <td className="px-2 py-1.5 break-words text-zinc-500">{conflictValue(c.base, c.path)}</td>
              <td
                className={cn(
                  'px-2 py-1.5 break-words',
                  take === 'branch'
                    ? 'bg-emerald-50 font-medium text-emerald-900'
                    : take === 'main' && 'text-zinc-400 line-through',
                )}
              >
                {conflictValue(c.branch, c.path)}
              </td>
              <td
                className={cn(
                  'px-2 py-1.5 break-words',
                  take === 'main'
                    ? 'bg-emerald-50 font-medium text-emerald-900'
                    : take === 'branch' && 'text-zinc-400 line-through',
                )}
              >
                {conflictValue(c.main, c.path)}
              </td>
              <td className="px-2 py-1.5">
                <fieldset
                  role="radiogroup"
                  aria-label={`Resolution for ${label}`}
                  className="flex flex-col gap-0.5"
                  disabled={disabled}
                >
                  {(['main', 'branch'] as const).map((side) => (
                    <label key={side} className="flex items-center gap-1.5">
                      <input
                        type="radio"
                        name={key}
                        value={side}
                        checked={take === side}
                        onChange={() => onChoose(c, side)}
                        className="accent-accent-600"
                      />
                      {side === 'main' ? 'Keep main' : 'Take branch'}
                    </label>
                  ))}
                </fieldset>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The conflicts of a merge as a panel of their own, with how many still need a side. */
export function ConflictsPanel({ choices, disabled }: { choices: MergeChoices; disabled?: boolean }) {
  const { conflicts, chosen, unresolved, choose } = choices;
  return (
    <section aria-label="Conflicts with main" className="rounded-md border border-red-200 bg-white">
      <header className="flex min-h-9 items-center gap-2 border-b border-red-100 bg-red-50 px-3 py-1">
        <h2 className="shrink-0 text-xs font-semibold text-red-900">Conflicts with main</h2>
        <span className="shrink-0 whitespace-nowrap">
          <Badge tone={unresolved === 0 ? 'green' : 'red'} dot>
            {unresolved === 0 ? 'all resolved' : `${unresolved} of ${conflicts.length} to resolve`}
          </Badge>
        </span>
        <p className="ml-auto text-2xs text-red-900">
          Both sides changed these since the branch was made: choose the value main ends up with.
        </p>
      </header>
      <ConflictResolution conflicts={conflicts} chosen={chosen} onChoose={choose} disabled={disabled} />
    </section>
  );
}
