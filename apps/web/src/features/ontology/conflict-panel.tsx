'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { formatUtc } from '@/lib/format-time';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';
import { changedFields, draftFromObjectType, draftToFields, type EditableField, type EditableFields, type ObjectTypeDraft } from './object-type-draft';
import type { ObjectTypeConflict } from './object-type-conflict';

const FIELD_LABEL: Record<EditableField, string> = {
  displayName: 'Display name',
  description: 'Description',
  properties: 'Properties',
  primaryKey: 'Primary key',
};

/**
 * "Changed by someone else": who and when, their current values beside mine, and the two ways on —
 * load theirs and drop mine, or load theirs with my edited fields on top to review and save again.
 */
export function ConflictPanel({
  conflict,
  base,
  theirs,
  mine,
  onReload,
  onReapply,
  onDiscard,
}: {
  conflict: ObjectTypeConflict;
  /** The version my edits started from. */
  base: ObjectTypeRow;
  /** Their version as the read model has it now; null once the type is gone. */
  theirs: ObjectTypeRow | null;
  mine: ObjectTypeDraft;
  onReload: (theirs: ObjectTypeRow) => void;
  onReapply: (theirs: ObjectTypeRow, edited: readonly EditableField[]) => void;
  onDiscard: () => void;
}) {
  const who = (
    <>
      <strong>{conflict.changedBy}</strong> {conflict.deleted ? 'deleted' : 'saved'} this object type at {formatUtc(conflict.changedAt)} (version{' '}
      {conflict.currentSeq}); your edits are based on version {conflict.expectedSeq}.
    </>
  );
  if (conflict.deleted) {
    return (
      <Callout tone="amber" title="Deleted by someone else">
        <p>{who}</p>
        <p>Your edits can’t be saved.</p>
        <div className="pt-1">
          <Button size="sm" onClick={onDiscard}>
            Discard my edits
          </Button>
        </div>
      </Callout>
    );
  }

  const caughtUp = theirs !== null && theirs.version >= conflict.currentSeq;
  const baseFields = draftToFields(draftFromObjectType(base));
  const myFields = draftToFields(mine);
  const edited = changedFields(baseFields, myFields);
  const theyChanged = caughtUp ? changedFields(baseFields, draftToFields(draftFromObjectType(theirs))) : [];

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
                <th className="w-28 py-0.5 font-medium">Field</th>
                <th className="py-0.5 font-medium">Theirs (version {theirs.version})</th>
                <th className="py-0.5 font-medium">Yours</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(FIELD_LABEL) as EditableField[]).map((field) => (
                <tr key={field} className="border-t border-amber-200 align-top">
                  <th scope="row" className="py-1 pr-1 font-medium">
                    {FIELD_LABEL[field]}
                    <span className="mt-0.5 flex flex-wrap gap-0.5 whitespace-nowrap">
                      {theyChanged.includes(field) ? <Badge tone="amber">they changed</Badge> : null}
                      {edited.includes(field) ? <Badge tone="blue">you edited</Badge> : null}
                    </span>
                  </th>
                  <td className="py-1 pr-2 break-words">{show(field, draftToFields(draftFromObjectType(theirs)))}</td>
                  <td className={edited.includes(field) ? 'py-1 break-words font-medium' : 'py-1 break-words text-zinc-500'}>{show(field, myFields)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="pt-1 text-zinc-700">
            {edited.length === 0
              ? 'You had not changed anything yet.'
              : `Reapplying keeps their version and puts your ${edited.map((f) => FIELD_LABEL[f].toLowerCase()).join(', ')} on top, for you to review and save.`}
          </p>
          <div className="flex gap-2 pt-1">
            <Button size="sm" onClick={() => onReload(theirs)}>
              Reload
            </Button>
            <Button size="sm" variant="primary" disabled={edited.length === 0} onClick={() => onReapply(theirs, edited)}>
              Reapply my changes
            </Button>
          </div>
        </>
      )}
    </Callout>
  );
}

function show(field: EditableField, fields: EditableFields): string {
  switch (field) {
    case 'displayName':
      return fields.displayName;
    case 'description':
      return fields.description || '—';
    case 'primaryKey':
      return fields.primaryKey ?? 'none';
    case 'properties':
      return fields.properties.map((p) => `${p.apiName}: ${p.dataType}${p.required ? ' (required)' : ''}`).join(', ') || 'none';
  }
}
