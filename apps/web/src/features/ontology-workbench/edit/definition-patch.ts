import { sameValue } from '@spice/domain';

/** The top-level fields of `draft` that differ from `base`: what an update sends (whole lists, as the API wants). */
export function definitionPatch(base: object, draft: object): Record<string, unknown> {
  const before = base as Record<string, unknown>;
  const after = draft as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!sameValue(before[key] ?? null, after[key] ?? null)) patch[key] = after[key] ?? null;
  }
  return patch;
}
