import { ENTITY_KINDS, type AnyDefinition, type EntityKind } from '../model/definitions';
import type { OntologyState } from '../ontology.state';
import { diffDefinitions, sameValue, type FieldChange } from './definition-diff';

export interface EntityDiff {
  readonly kind: EntityKind;
  readonly id: string;
  readonly apiName: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: AnyDefinition | null;
  readonly after: AnyDefinition | null;
  readonly fields: readonly FieldChange[];
}

/** The live definitions of an ontology by kind and id. */
export function liveDefinitions(state: OntologyState): Map<string, { kind: EntityKind; id: string; definition: AnyDefinition }> {
  const all = new Map<string, { kind: EntityKind; id: string; definition: AnyDefinition }>();
  for (const kind of ENTITY_KINDS)
    for (const e of state.entities[kind].values()) if (!e.deleted) all.set(`${kind}:${e.id}`, { kind, id: e.id, definition: e.definition });
  return all;
}

/** What changed from `from` to `to`, entity by entity (matched by id) and field by field, sorted by kind and apiName. */
export function diffOntologies(from: OntologyState, to: OntologyState): EntityDiff[] {
  const before = liveDefinitions(from);
  const after = liveDefinitions(to);
  const diffs: EntityDiff[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) diffs.push({ kind: b.kind, id: b.id, apiName: b.definition.apiName, change: 'removed', before: b.definition, after: null, fields: [] });
    else if (!sameValue(a.definition, b.definition))
      diffs.push({ kind: b.kind, id: b.id, apiName: a.definition.apiName, change: 'changed', before: b.definition, after: a.definition, fields: diffDefinitions(b.definition, a.definition) });
  }
  for (const [key, a] of after)
    if (!before.has(key)) diffs.push({ kind: a.kind, id: a.id, apiName: a.definition.apiName, change: 'added', before: null, after: a.definition, fields: [] });
  const order = (d: EntityDiff) => `${ENTITY_KINDS.indexOf(d.kind)}:${d.apiName.toLowerCase()}`;
  return diffs.sort((x, y) => order(x).localeCompare(order(y)));
}
