import type { MergeConflict, MergeResolution } from '@spice/domain';

export type Side = MergeResolution['take'];

/** The identity of a conflict, as a resolution names it. */
export const conflictKey = (c: Pick<MergeConflict, 'kind' | 'id' | 'path'>) => `${c.kind}:${c.id}:${c.path}`;

/** The resolutions for `conflicts`, or null while any of them has no side chosen: nothing is decided silently. */
export function resolutionsFor(
  conflicts: readonly MergeConflict[],
  chosen: ReadonlyMap<string, Side>,
): MergeResolution[] | null {
  const resolutions: MergeResolution[] = [];
  for (const c of conflicts) {
    const take = chosen.get(conflictKey(c));
    if (!take) return null;
    resolutions.push({ kind: c.kind, id: c.id, path: c.path, take });
  }
  return resolutions;
}

/** Conflicts from both sources (the live comparison and a refused merge's answer), each once. */
export function mergeConflictLists(...lists: readonly (readonly MergeConflict[])[]): MergeConflict[] {
  const byKey = new Map<string, MergeConflict>();
  for (const list of lists)
    for (const c of list) if (!byKey.has(conflictKey(c))) byKey.set(conflictKey(c), c);
  return [...byKey.values()];
}
