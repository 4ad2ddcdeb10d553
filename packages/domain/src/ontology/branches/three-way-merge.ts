import type { AnyDefinition, EntityKind } from '../model/definitions';
import type { PlannedChange } from '../ontology.commands';
import type { OntologyState } from '../ontology.state';
import { sameValue } from './definition-diff';
import { liveDefinitions } from './ontology-diff';

/** Main and the branch both changed the same thing since the branch was made, differently. */
export interface MergeConflict {
  readonly kind: EntityKind;
  readonly id: string;
  readonly apiName: string;
  /** `(entity)` when one side deleted or both added it, else the field, e.g. `displayName`, `properties.salary` or `forward.translations.ko`. */
  readonly path: string;
  readonly base: unknown;
  readonly branch: unknown;
  readonly main: unknown;
}

export interface MergeResolution {
  readonly kind: EntityKind;
  readonly id: string;
  readonly path: string;
  readonly take: 'branch' | 'main';
}

export interface MergePlan {
  /** What to apply to main; decided against main as it is, so no version checks (expectedSeq null). */
  readonly changes: PlannedChange[];
  /** Conflicts without a resolution; the merge can't go ahead while there are any. */
  readonly conflicts: MergeConflict[];
}

/** Lists of named items merged item by item, so two sides adding different properties don't conflict. */
const NAMED_LISTS = new Set(['properties', 'links']);
const ENTITY = '(entity)';

type Def = Record<string, unknown>;
const isRecord = (v: unknown): v is Def => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Records merged field by field: a link type's two ends, and translations by language and then by text, so that
 * one side naming the forward end in Korean and the other renaming the reverse end don't conflict.
 */
function mergesByField(path: string): boolean {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  return last === 'forward' || last === 'reverse' || last === 'translations' || parts[parts.length - 2] === 'translations';
}

/**
 * A three-way merge of a branch into main. `base` is what the branch started from. A change made on one side only
 * is taken; the same change on both sides is taken once; different changes to the same field (or one side deleting
 * what the other changed) are conflicts, settled only by an explicit resolution.
 */
export function planMerge(base: OntologyState, branch: OntologyState, main: OntologyState, resolutions: readonly MergeResolution[] = []): MergePlan {
  const b = liveDefinitions(base);
  const o = liveDefinitions(branch);
  const t = liveDefinitions(main);
  const resolved = new Map(resolutions.map((r) => [`${r.kind}:${r.id}:${r.path}`, r.take]));
  const changes: PlannedChange[] = [];
  const conflicts: MergeConflict[] = [];

  for (const key of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    const entity = (o.get(key) ?? t.get(key) ?? b.get(key))!;
    const { kind, id } = entity;
    const [bd, od, td] = [b.get(key)?.definition, o.get(key)?.definition, t.get(key)?.definition];
    if (sameValue(od, bd) || sameValue(od, td)) continue;
    const conflictOf = (path: string, bv: unknown, ov: unknown, tv: unknown): 'branch' | 'main' | null => {
      const take = resolved.get(`${kind}:${id}:${path}`);
      if (take) return take;
      conflicts.push({ kind, id, apiName: (od ?? td ?? bd)!.apiName, path, base: bv ?? null, branch: ov ?? null, main: tv ?? null });
      return null;
    };

    let merged: AnyDefinition | undefined;
    if (sameValue(td, bd)) merged = od;
    else if (od === undefined || td === undefined || bd === undefined) {
      if (conflictOf(ENTITY, bd, od, td) !== 'branch') continue;
      merged = od;
    } else {
      const fields = mergeFields(bd as unknown as Def, od as unknown as Def, td as unknown as Def, '', conflictOf);
      if (fields === null) continue;
      merged = fields as unknown as AnyDefinition;
    }
    if (merged === undefined) {
      if (td !== undefined) changes.push({ op: 'delete', kind, id, expectedSeq: null });
    } else if (td === undefined) changes.push({ op: 'define', kind, id, definition: merged });
    else if (!sameValue(merged, td)) changes.push({ op: 'update', kind, id, expectedSeq: null, patch: merged as unknown as Def });
  }
  conflicts.push(...addedOnBothSides(b, o, t, resolved, changes));
  return { changes, conflicts };
}

type ConflictOf = (path: string, base: unknown, branch: unknown, main: unknown) => 'branch' | 'main' | null;

/** Field-wise merge of one entity changed on both sides; null while a conflict in it is unresolved. */
function mergeFields(base: Def, branch: Def, main: Def, prefix: string, conflictOf: ConflictOf): Def | null {
  const result: Def = {};
  let blocked = false;
  for (const field of new Set([...Object.keys(base), ...Object.keys(branch), ...Object.keys(main)])) {
    const path = prefix ? `${prefix}.${field}` : field;
    const merged = mergeField(field, path, base[field], branch[field], main[field], conflictOf);
    if (merged === BLOCKED) blocked = true;
    // A text one side removed (a language, say) stays absent rather than becoming an undefined entry.
    else if (merged !== undefined) result[field] = merged;
  }
  return blocked ? null : result;
}

const BLOCKED = Symbol('blocked');

function mergeField(field: string, path: string, bv: unknown, ov: unknown, tv: unknown, conflictOf: ConflictOf): unknown {
  if (sameValue(ov, bv)) return tv;
  if (sameValue(tv, bv) || sameValue(ov, tv)) return ov;
  if (NAMED_LISTS.has(field) && Array.isArray(bv) && Array.isArray(ov) && Array.isArray(tv))
    return mergeNamedList(bv as Def[], ov as Def[], tv as Def[], path, conflictOf) ?? BLOCKED;
  if (mergesByField(path) && isRecord(ov) && isRecord(tv) && (bv === undefined || isRecord(bv))) return mergeFields(bv ?? {}, ov, tv, path, conflictOf) ?? BLOCKED;
  const take = conflictOf(path, bv, ov, tv);
  if (take === null) return BLOCKED;
  return take === 'branch' ? ov : tv;
}

function mergeNamedList(base: Def[], branch: Def[], main: Def[], path: string, conflictOf: ConflictOf): Def[] | null {
  const byName = (list: Def[]) => new Map(list.map((i) => [String(i.apiName), i]));
  const [b, o, t] = [byName(base), byName(branch), byName(main)];
  const merged = new Map<string, Def>();
  let blocked = false;
  for (const name of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    const [bi, oi, ti] = [b.get(name), o.get(name), t.get(name)];
    let item: Def | undefined;
    if (sameValue(oi, bi)) item = ti;
    else if (sameValue(ti, bi) || sameValue(oi, ti)) item = oi;
    else {
      const take = conflictOf(`${path}.${name}`, bi, oi, ti);
      if (take === null) {
        blocked = true;
        continue;
      }
      item = take === 'branch' ? oi : ti;
    }
    if (item) merged.set(name, item);
  }
  if (blocked) return null;
  // The branch's order when the branch reordered, else main's; items new to the result go last in that order.
  const branchReordered = !sameValue(base.map((i) => i.apiName).filter((n) => o.has(String(n))), branch.map((i) => i.apiName).filter((n) => b.has(String(n))));
  const order = [...(branchReordered ? branch : main), ...(branchReordered ? main : branch)].map((i) => String(i.apiName));
  return [...new Set(order)].filter((n) => merged.has(n)).map((n) => merged.get(n)!);
}

/**
 * An entity added on the branch with the apiName of a different entity added on main: taking the branch's
 * replaces main's; taking main's drops the branch's.
 */
function addedOnBothSides(
  base: ReturnType<typeof liveDefinitions>,
  branch: ReturnType<typeof liveDefinitions>,
  main: ReturnType<typeof liveDefinitions>,
  resolved: Map<string, 'branch' | 'main'>,
  changes: PlannedChange[],
): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  const addedOnMain = new Map<string, { kind: EntityKind; id: string; definition: AnyDefinition }>();
  for (const [key, e] of main) if (!base.has(key) && !branch.has(key)) addedOnMain.set(`${e.kind}:${e.definition.apiName.toLowerCase()}`, e);
  for (const [key, e] of branch) {
    if (base.has(key) || main.has(key)) continue;
    const rival = addedOnMain.get(`${e.kind}:${e.definition.apiName.toLowerCase()}`);
    if (!rival) continue;
    const take = resolved.get(`${e.kind}:${e.id}:${ENTITY}`);
    if (take === 'branch') changes.unshift({ op: 'delete', kind: rival.kind, id: rival.id, expectedSeq: null });
    else if (take === 'main') {
      const i = changes.findIndex((c) => c.op === 'define' && c.id === e.id);
      if (i >= 0) changes.splice(i, 1);
    } else conflicts.push({ kind: e.kind, id: e.id, apiName: e.definition.apiName, path: ENTITY, base: null, branch: e.definition, main: rival.definition });
  }
  return conflicts;
}
