import type { PropertyDataType } from '@spice/domain';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';

/** An object-type form's state (create and edit), and how it becomes a mutation's input. */
export interface PropertyDraft {
  /** Stable row identity, so renaming a property keeps it selected as the primary key. */
  readonly key: string;
  readonly apiName: string;
  readonly displayName: string;
  readonly dataType: string;
  readonly required: boolean;
  /** Not edited in the form, but kept, so an edit doesn't erase it. */
  readonly description: string;
}

export interface ObjectTypeDraft {
  readonly apiName: string;
  readonly displayName: string;
  readonly description: string;
  readonly properties: readonly PropertyDraft[];
  /** The `key` of the primary-key row, or null for none. */
  readonly primaryKeyRow: string | null;
}

/** The fields an update can change, as the server takes them. */
export interface EditableFields {
  readonly displayName: string;
  readonly description: string;
  readonly properties: { apiName: string; displayName: string; dataType: PropertyDataType; required: boolean; description: string }[];
  readonly primaryKey: string | null;
}
export type EditableField = keyof EditableFields;
export const EDITABLE_FIELDS: readonly EditableField[] = ['displayName', 'description', 'properties', 'primaryKey'];

let rowCounter = 0;
function nextRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptyProperty(dataType: string): PropertyDraft {
  return { key: nextRowKey(), apiName: '', displayName: '', dataType, required: false, description: '' };
}

export function emptyDraft(dataType: string): ObjectTypeDraft {
  return { apiName: '', displayName: '', description: '', properties: [emptyProperty(dataType)], primaryKeyRow: null };
}

export function draftFromObjectType(objectType: ObjectTypeRow): ObjectTypeDraft {
  const properties = objectType.properties.map((p) => ({ key: nextRowKey(), ...p }));
  return {
    apiName: objectType.apiName,
    displayName: objectType.displayName,
    description: objectType.description,
    properties,
    primaryKeyRow: properties.find((p) => p.apiName === objectType.primaryKey)?.key ?? null,
  };
}

export function draftToFields(draft: ObjectTypeDraft): EditableFields {
  const key = draft.properties.find((p) => p.key === draft.primaryKeyRow);
  return {
    displayName: draft.displayName.trim(),
    description: draft.description,
    properties: draft.properties.map((p) => ({
      apiName: p.apiName.trim(),
      displayName: p.displayName.trim() || p.apiName.trim(),
      // The form offers only the domain's types; the server still checks.
      dataType: p.dataType as PropertyDataType,
      required: p.required,
      description: p.description,
    })),
    primaryKey: key ? key.apiName.trim() : null,
  };
}

export function draftToInput(ontologyId: string, draft: ObjectTypeDraft) {
  return { ontologyId, apiName: draft.apiName.trim(), ...draftToFields(draft) };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose value differs between two versions of a type. */
export function changedFields(from: EditableFields, to: EditableFields): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => !sameValue(from[field], to[field]));
}

/**
 * Their version with my edits on top: each field I changed (compared with the version I started from)
 * takes my value, every other field takes theirs. Properties and the primary key go by their values, so
 * a key I didn't touch still points at its property among my edited rows.
 */
export function reapplyEdits(theirs: ObjectTypeRow, mine: ObjectTypeDraft, edited: readonly EditableField[]): ObjectTypeDraft {
  const base = draftFromObjectType(theirs);
  const myFields = draftToFields(mine);
  const properties = edited.includes('properties') ? mine.properties : base.properties;
  const primaryKey = edited.includes('primaryKey') ? myFields.primaryKey : theirs.primaryKey;
  return {
    ...base,
    displayName: edited.includes('displayName') ? mine.displayName : base.displayName,
    description: edited.includes('description') ? mine.description : base.description,
    properties,
    primaryKeyRow: properties.find((p) => p.apiName.trim() === primaryKey)?.key ?? null,
  };
}
