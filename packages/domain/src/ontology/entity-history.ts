import { diffDefinitions, type FieldChange } from './branches/definition-diff';
import type { AnyDefinition, EntityKind } from './model/definitions';
import { ENTITY_EVENTS, entityEventKind, type ChangeOrigin } from './model/entity-events';
import type { BranchCreated, RecordedOntologyEvent } from './ontology.events';
import { definitionFromPayload } from './ontology.state';

/** One version of an entity: who changed it, when, how, and what changed from the version before. */
export interface EntityVersion {
  readonly version: number;
  readonly change: 'defined' | 'updated' | 'deleted' | 'branched';
  readonly actor: string;
  readonly occurredAt: string;
  readonly origin: ChangeOrigin;
  readonly breakingChanges: readonly string[];
  /** The definition after this version; for a delete, the one deleted. */
  readonly definition: AnyDefinition;
  readonly fields: readonly FieldChange[];
}

/** The versions of one entity in a stream, oldest first, each with its diff from the one before. */
export function entityHistory(events: readonly RecordedOntologyEvent[], kind: EntityKind, id: string): EntityVersion[] {
  const versions: EntityVersion[] = [];
  const idField = ENTITY_EVENTS[kind].idField;
  let previous: AnyDefinition | null = null;
  for (const event of events) {
    const { sequenceNumber: version, actor, occurredAt } = event.metadata;
    if (event.type === 'BranchCreated') {
      const start = (event as BranchCreated).data.entities.find((e) => e.kind === kind && e.id === id);
      if (!start) continue;
      previous = definitionFromPayload(kind, start.definition as unknown as Record<string, unknown>);
      versions.push({ version, change: 'branched', actor, occurredAt, origin: { kind: 'edit' }, breakingChanges: [], definition: previous, fields: [] });
      continue;
    }
    const which = entityEventKind(event.type);
    const payload = event.data as Readonly<Record<string, unknown>>;
    if (!which || which.kind !== kind || payload[idField] !== id) continue;
    const origin = (payload.origin as ChangeOrigin | undefined) ?? { kind: 'edit' };
    const breakingChanges = (payload.breakingChanges as string[] | undefined) ?? [];
    if (which.op === 'deleted') {
      if (previous) versions.push({ version, change: 'deleted', actor, occurredAt, origin, breakingChanges, definition: previous, fields: [] });
      previous = null;
      continue;
    }
    const definition = definitionFromPayload(kind, payload);
    const fields = previous ? diffDefinitions(previous, definition) : [];
    versions.push({ version, change: which.op, actor, occurredAt, origin, breakingChanges, definition, fields });
    previous = definition;
  }
  return versions;
}
