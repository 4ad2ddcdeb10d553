'use client';

import { ENTITY_KINDS, type AnyDefinition, type EntityDiff, type MergeConflict } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { dataTypePathOf, describePath, describeValue, KIND_LABEL, valueAtPath } from './describe-value';

const CHANGE_TONE = { added: 'green', removed: 'red', changed: 'amber' } as const;
/** Fields too noisy to list when a whole entity is added or removed. */
const SUMMARY_SKIPS = new Set(['apiName', 'translations']);

/** What a comment is about: an entity, optionally one of its fields (`objectType:ot_1:displayName`). */
export const aboutEntity = (d: { kind: string; id: string }, path?: string) =>
  path ? `${d.kind}:${d.id}:${path}` : `${d.kind}:${d.id}`;

/**
 * Entity-by-entity differences grouped by kind, each changed entity field by field (before → after). Fields (or
 * whole entities) that conflict with the other side are highlighted.
 */
export function EntityDiffList({
  label,
  diffs,
  conflicts = [],
  emptyText,
  onComment,
}: {
  label: string;
  diffs: readonly EntityDiff[];
  conflicts?: readonly MergeConflict[];
  emptyText: string;
  onComment?: (about: string, what: string) => void;
}) {
  if (diffs.length === 0) return <p className="px-3 py-3 text-xs text-zinc-500">{emptyText}</p>;
  return (
    <div aria-label={label} role="list" className="divide-y divide-zinc-100">
      {ENTITY_KINDS.map((kind) => {
        const ofKind = diffs.filter((d) => d.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div key={kind} role="listitem" className="py-1.5">
            <h3 className="px-3 pb-1 text-2xs font-semibold tracking-wide text-zinc-500 uppercase">
              {KIND_LABEL[kind].many} <span className="font-normal">({ofKind.length})</span>
            </h3>
            <div className="space-y-1.5 px-3">
              {ofKind.map((diff) => (
                <EntityDiffCard
                  key={diff.id}
                  diff={diff}
                  conflicts={conflicts.filter((c) => c.kind === diff.kind && c.id === diff.id)}
                  onComment={onComment}
                />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function EntityDiffCard({
  diff,
  conflicts,
  onComment,
}: {
  diff: EntityDiff;
  conflicts: readonly MergeConflict[];
  onComment?: (about: string, what: string) => void;
}) {
  const name = `${KIND_LABEL[diff.kind].one} ${diff.apiName}`;
  const wholeConflict = conflicts.some((c) => c.path === '(entity)');
  const conflictAt = (path: string) =>
    wholeConflict ||
    conflicts.some((c) => path === c.path || path.startsWith(`${c.path}.`) || c.path.startsWith(`${path}.`));
  const rows =
    diff.change === 'changed'
      ? changedRows(diff)
      : summaryRows(diff.change === 'added' ? diff.after : diff.before, diff.change);
  return (
    <section
      aria-label={name}
      className={cn(
        'rounded border',
        conflicts.length > 0 ? 'border-red-300 bg-red-50/40' : 'border-zinc-200',
      )}
    >
      <header className="flex h-7 items-center gap-2 border-b border-zinc-100 px-2">
        <Badge tone={CHANGE_TONE[diff.change]}>{diff.change}</Badge>
        <span className="text-2xs text-zinc-500">{KIND_LABEL[diff.kind].one}</span>
        <span className="font-mono text-xs font-medium text-zinc-900">{diff.apiName}</span>
        {conflicts.length > 0 ? (
          <Badge tone="red" dot>
            {conflicts.length === 1 ? 'conflict' : `${conflicts.length} conflicts`}
          </Badge>
        ) : null}
        {onComment ? (
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto"
            onClick={() => onComment(aboutEntity(diff), name)}
            aria-label={`Comment on ${name}`}
          >
            Comment
          </Button>
        ) : null}
      </header>
      <table aria-label={`Changes to ${diff.apiName}`} className="w-full table-fixed text-xs">
        <thead>
          <tr className="text-2xs tracking-wide text-zinc-500 uppercase">
            <th className="w-56 px-2 py-0.5 text-left font-medium">Field</th>
            <th className="px-2 py-0.5 text-left font-medium">{diff.change === 'added' ? '' : 'Before'}</th>
            <th className="px-2 py-0.5 text-left font-medium">{diff.change === 'removed' ? '' : 'After'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const conflicting = conflictAt(row.path);
            return (
              <tr
                key={`${row.path}:${row.note}`}
                className={cn('border-t border-zinc-100 align-top', conflicting && 'bg-red-100/60')}
              >
                <th scope="row" className="px-2 py-1 text-left font-medium text-zinc-700">
                  <span className="break-words">{describePath(row.path)}</span>
                  {row.note !== 'changed' && diff.change === 'changed' ? (
                    <span className="ml-1 text-2xs font-normal text-zinc-500">({row.note})</span>
                  ) : null}
                  {conflicting ? (
                    <span className="ml-1 text-2xs font-semibold text-red-700">conflict</span>
                  ) : null}
                </th>
                <td
                  className={cn(
                    'px-2 py-1 break-words',
                    diff.change === 'changed' && 'text-zinc-500 line-through decoration-zinc-300',
                  )}
                >
                  {row.before}
                </td>
                <td className="px-2 py-1 break-words text-zinc-900">{row.after}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** One row per changed field; changes inside one data type become one row showing the whole type before and after. */
function changedRows(diff: EntityDiff) {
  const rows = new Map<string, { path: string; note: string; before: string; after: string }>();
  for (const f of diff.fields) {
    const typePath = dataTypePathOf(f.path);
    if (typePath !== f.path)
      rows.set(typePath, {
        path: typePath,
        note: 'changed',
        before: describeValue(valueAtPath(diff.before, typePath), typePath),
        after: describeValue(valueAtPath(diff.after, typePath), typePath),
      });
    else
      rows.set(`${f.path}:${f.change}`, {
        path: f.path,
        note: f.change,
        before: describeValue(f.before, f.path),
        after: describeValue(f.after, f.path),
      });
  }
  return [...rows.values()];
}

/** The non-empty fields of a whole added or removed entity. */
function summaryRows(definition: AnyDefinition | null, change: 'added' | 'removed') {
  if (!definition) return [];
  return Object.entries(definition)
    .filter(
      ([key, value]) =>
        !SUMMARY_SKIPS.has(key) &&
        describeValue(value, key) !== '—' &&
        describeValue(value, key) !== '(none)' &&
        describeValue(value, key) !== '(empty)',
    )
    .map(([key, value]) => {
      const text = describeValue(value, key);
      return {
        path: key,
        note: change,
        before: change === 'removed' ? text : '',
        after: change === 'added' ? text : '',
      };
    });
}
