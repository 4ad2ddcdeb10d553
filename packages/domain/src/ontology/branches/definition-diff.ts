import { stableJson } from '../../shared/stable-hash';

/** One difference between two versions of a definition, at a dotted path; named list items use their apiName. */
export interface FieldChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed' | 'reordered';
  readonly before?: unknown;
  readonly after?: unknown;
}

export const sameValue = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

type Named = { readonly apiName: string };
const isNamedList = (v: unknown): v is Named[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'object' && item !== null && typeof (item as Named).apiName === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-by-field differences. Lists of named items (properties, interface links) are compared item by item by
 * apiName, so adding one property is one change, not a changed list; a new order is its own change.
 */
export function diffDefinitions(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (sameValue(before, after)) return [];
  if (isNamedList(before) && isNamedList(after)) return diffNamedLists(before, after, path);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const at = path ? `${path}.${k}` : k;
      if (!(k in before)) return after[k] === undefined ? [] : [{ path: at, change: 'added' as const, after: after[k] }];
      if (!(k in after)) return before[k] === undefined ? [] : [{ path: at, change: 'removed' as const, before: before[k] }];
      return diffDefinitions(before[k], after[k], at);
    });
  }
  return [{ path: path || '(root)', change: 'changed', before, after }];
}

function diffNamedLists(before: Named[], after: Named[], path: string): FieldChange[] {
  const changes: FieldChange[] = [];
  const afterByName = new Map(after.map((i) => [i.apiName, i]));
  const beforeByName = new Map(before.map((i) => [i.apiName, i]));
  for (const item of before) {
    const now = afterByName.get(item.apiName);
    if (!now) changes.push({ path: `${path}.${item.apiName}`, change: 'removed', before: item });
    else changes.push(...diffDefinitions(item, now, `${path}.${item.apiName}`));
  }
  for (const item of after) if (!beforeByName.has(item.apiName)) changes.push({ path: `${path}.${item.apiName}`, change: 'added', after: item });
  const keptBefore = before.filter((i) => afterByName.has(i.apiName)).map((i) => i.apiName);
  const keptAfter = after.filter((i) => beforeByName.has(i.apiName)).map((i) => i.apiName);
  if (!sameValue(keptBefore, keptAfter)) changes.push({ path, change: 'reordered', before: keptBefore, after: keptAfter });
  return changes;
}
