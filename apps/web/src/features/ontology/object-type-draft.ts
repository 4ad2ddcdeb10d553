/** The new-object-type form's state, and how it becomes the mutation's input. */
export interface PropertyDraft {
  /** Stable row identity, so renaming a property keeps it selected as the primary key. */
  readonly key: string;
  readonly apiName: string;
  readonly displayName: string;
  readonly dataType: string;
  readonly required: boolean;
}

export interface ObjectTypeDraft {
  readonly apiName: string;
  readonly displayName: string;
  readonly description: string;
  readonly properties: readonly PropertyDraft[];
  /** The `key` of the primary-key row, or null for none. */
  readonly primaryKeyRow: string | null;
}

let rowCounter = 0;

export function emptyProperty(dataType: string): PropertyDraft {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, apiName: '', displayName: '', dataType, required: false };
}

export function emptyDraft(dataType: string): ObjectTypeDraft {
  return { apiName: '', displayName: '', description: '', properties: [emptyProperty(dataType)], primaryKeyRow: null };
}

export function draftToInput(ontologyId: string, draft: ObjectTypeDraft) {
  const key = draft.properties.find((p) => p.key === draft.primaryKeyRow);
  return {
    ontologyId,
    apiName: draft.apiName.trim(),
    displayName: draft.displayName.trim(),
    description: draft.description,
    properties: draft.properties.map((p) => ({
      apiName: p.apiName.trim(),
      displayName: p.displayName.trim() || p.apiName.trim(),
      dataType: p.dataType as never,
      required: p.required,
    })),
    primaryKey: key ? key.apiName.trim() : null,
  };
}
