import { stableJson } from '../../shared/stable-hash';
import type { AnyDefinition, EntityKind } from '../model/definitions';
import type { ApplyChanges, PlannedChange } from '../ontology.commands';
import { findByApiName, liveEntities, type OntologyState } from '../ontology.state';
import type { ImportedOntology, InterchangeFormat } from './ontology-document';

/** merge: the import adds and changes entities and leaves the others; replace: the ontology becomes the import. */
export type ImportMode = 'merge' | 'replace';

export interface PlanImportOptions {
  readonly mode: ImportMode;
  /** The id a new entity gets, e.g. `ot_…` from the IdGenerator: ids are inputs, never made up in the domain. */
  readonly newId: (kind: EntityKind) => string;
}

/** What an entity needs before it: value and shared property types, then interfaces, object types, link types. */
const DEPENDENCY_ORDER: readonly EntityKind[] = ['valueType', 'sharedPropertyType', 'interface', 'objectType', 'linkType'];

/**
 * The changes that make the ontology hold what was imported: entities are matched by kind and apiName (without
 * case); new ones are defined, changed ones updated with the fields that differ (against the version planned on,
 * so a concurrent edit is a conflict, not overwritten), and in `replace` mode the ones the import lacks are
 * deleted. The decider validates the result as a whole and applies all of it or nothing.
 */
export function planImport(state: OntologyState, imported: ImportedOntology, options: PlanImportOptions): PlannedChange[] {
  const defines: PlannedChange[] = [];
  const updates: PlannedChange[] = [];
  const kept = new Set<string>();
  for (const kind of DEPENDENCY_ORDER) {
    for (const { definition } of imported.entities.filter((e) => e.kind === kind)) {
      const existing = findByApiName(state, kind, definition.apiName);
      if (!existing) {
        defines.push({ op: 'define', kind, id: options.newId(kind), definition });
        continue;
      }
      kept.add(existing.id);
      const patch = changedFields(existing.definition, definition);
      if (Object.keys(patch).length > 0) updates.push({ op: 'update', kind, id: existing.id, expectedSeq: existing.version, patch });
    }
  }
  const deletes: PlannedChange[] =
    options.mode === 'replace'
      ? [...DEPENDENCY_ORDER]
          .reverse()
          .flatMap((kind) => liveEntities(state, kind).filter((e) => !kept.has(e.id)))
          .map((e) => ({ op: 'delete', kind: e.kind, id: e.id, expectedSeq: e.version }))
      : [];
  return [...defines, ...updates, ...deletes];
}

/** The top-level fields whose values differ; a field the import lacks is cleared. */
function changedFields(current: AnyDefinition, next: AnyDefinition): Record<string, unknown> {
  const before = current as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (stableJson(before[field]) !== stableJson(after[field])) patch[field] = after[field];
  return patch;
}

/** The command applying a planned import, recorded in history as an import of that format. */
export function importCommand(changes: readonly PlannedChange[], format: InterchangeFormat, acknowledgeBreakingChanges: boolean): ApplyChanges {
  return { type: 'ApplyChanges', data: { changes, acknowledgeBreakingChanges, origin: { kind: 'import', detail: format } } };
}
