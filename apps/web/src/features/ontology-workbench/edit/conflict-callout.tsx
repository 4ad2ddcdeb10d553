'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { formatUtc } from '@/lib/format-time';
import { definitionPatch } from './definition-patch';
import type { EntityConflict } from './entity-conflict';
import { formatValue } from './format-value';

/**
 * "Changed by someone else": who and when, their values beside mine for every field either side changed, and
 * the two ways on: load theirs and drop mine, or load theirs with my edited fields on top to review and save.
 */
export function ConflictCallout({
  what,
  conflict,
  base,
  theirs,
  mine,
  onReload,
  onReapply,
}: {
  /** "object type Vessel". */
  what: string;
  conflict: EntityConflict;
  base: { version: number; definition: object };
  theirs: { version: number; definition: object } | undefined;
  mine: object;
  onReload: () => void;
  onReapply: () => void;
}) {
  const who = (
    <>
      <strong>{conflict.changedBy}</strong> {conflict.deleted ? 'deleted' : 'saved'} this {what} at {formatUtc(conflict.changedAt)} (version {conflict.currentSeq}); your
      edits are based on version {conflict.expectedSeq}.
    </>
  );
  if (conflict.deleted || !theirs) {
    return (
      <Callout tone="amber" title="Deleted by someone else">
        <p>{who}</p>
        <p>Your edits can’t be saved.</p>
      </Callout>
    );
  }
  const caughtUp = theirs.version >= conflict.currentSeq;
  const edited = Object.keys(definitionPatch(base.definition, mine));
  const theyChanged = Object.keys(definitionPatch(base.definition, theirs.definition));
  const fields = [...new Set([...theyChanged, ...edited])];
  const theirValues = theirs.definition as Record<string, unknown>;
  const myValues = mine as Record<string, unknown>;
  return (
    <Callout tone="amber" title="Changed by someone else">
      <p>{who}</p>
      {!caughtUp ? (
        <p>Loading their version…</p>
      ) : (
        <>
          <table aria-label="Their version and your edits" className="mt-1.5 w-full table-fixed border-collapse text-left text-xs text-zinc-800">
            <thead>
              <tr className="text-2xs tracking-wide text-zinc-500 uppercase">
                <th className="w-36 py-0.5 font-medium">Field</th>
                <th className="py-0.5 font-medium">Theirs (version {theirs.version})</th>
                <th className="py-0.5 font-medium">Yours</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field} className="border-t border-amber-200 align-top">
                  <th scope="row" className="py-1 pr-1 font-medium">
                    {field}
                    <span className="mt-0.5 flex flex-wrap gap-0.5 whitespace-nowrap">
                      {theyChanged.includes(field) ? <Badge tone="amber">they changed</Badge> : null}
                      {edited.includes(field) ? <Badge tone="blue">you edited</Badge> : null}
                    </span>
                  </th>
                  <td className="py-1 pr-2 break-words">{formatValue(theirValues[field], field)}</td>
                  <td className={edited.includes(field) ? 'py-1 font-medium break-words' : 'py-1 break-words text-zinc-500'}>{formatValue(myValues[field], field)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="pt-1 text-zinc-700">
            {edited.length === 0
              ? 'You had not changed anything yet.'
              : `Reapplying keeps their version and puts your ${edited.join(', ')} on top, for you to review and save.`}
          </p>
          <div className="flex gap-2 pt-1">
            <Button size="sm" onClick={onReload}>
              Reload
            </Button>
            <Button size="sm" variant="primary" disabled={edited.length === 0} onClick={onReapply}>
              Reapply my changes
            </Button>
          </div>
        </>
      )}
    </Callout>
  );
}
