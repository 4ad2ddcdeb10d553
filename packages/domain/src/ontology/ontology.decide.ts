import { conflict, invalid, notFound, type FieldIssue } from '../shared/errors';
import type { OntologyCommand, UpdateObjectTypeInput } from './ontology.commands';
import type { ObjectTypeDeleted, ObjectTypeUpdated, OntologyEvent } from './ontology.events';
import type { ObjectTypeState, OntologyState } from './ontology.state';
import { objectTypeIssues } from './object-type.rules';

export const OBJECT_TYPE_CHANGED = 'ONTOLOGY.OBJECT_TYPE_CHANGED';

export function decideOntology(command: OntologyCommand, state: OntologyState): OntologyEvent[] {
  switch (command.type) {
    case 'CreateOntology':
      if (state.exists)
        throw conflict('ONTOLOGY.ALREADY_EXISTS', `Ontology "${command.data.ontologyId}" already exists`, { ontologyId: command.data.ontologyId });
      return [{ type: 'OntologyCreated', data: command.data }];
    case 'DefineObjectType': {
      requireOntology(state);
      const { objectTypeId, ...input } = command.data;
      if (state.objectTypes.has(objectTypeId))
        throw conflict('ONTOLOGY.OBJECT_TYPE_ID_TAKEN', `Object type id ${objectTypeId} is already used in this ontology`, { objectTypeId });
      const issues = objectTypeIssues(input);
      if (state.objectTypesByApiName.has(input.apiName.toLowerCase())) {
        issues.push({ path: 'apiName', rule: 'unique', message: `an object type "${input.apiName}" already exists in this ontology` });
      }
      if (issues.length > 0) throw invalid('ONTOLOGY.INVALID_OBJECT_TYPE', 'The object type is not valid', issues);
      return [
        {
          type: 'ObjectTypeDefined',
          data: {
            objectTypeId,
            apiName: input.apiName,
            displayName: input.displayName.trim(),
            description: input.description,
            status: 'experimental',
            properties: input.properties,
            primaryKey: input.primaryKey,
          },
        },
      ];
    }
    case 'UpdateObjectType':
      return [decideUpdate(command.data, state)];
    case 'DeleteObjectType': {
      const current = requireUnchanged(state, command.data.objectTypeId, command.data.expectedSeq);
      const deleted: ObjectTypeDeleted = { type: 'ObjectTypeDeleted', data: { objectTypeId: current.id, apiName: current.apiName } };
      return [deleted];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

const EDITABLE_FIELDS = ['displayName', 'description', 'properties', 'primaryKey'] as const;

function decideUpdate(input: UpdateObjectTypeInput, state: OntologyState): ObjectTypeUpdated {
  const current = requireUnchanged(state, input.objectTypeId, input.expectedSeq);
  const next = {
    apiName: current.apiName,
    displayName: input.displayName ?? current.displayName,
    description: input.description ?? current.description,
    properties: input.properties ?? current.properties,
    primaryKey: input.primaryKey === undefined ? current.primaryKey : input.primaryKey,
  };
  // The apiName can't change, so rules about it (naming, reserved words added later) don't block an edit.
  const issues: FieldIssue[] = objectTypeIssues(next).filter((i) => i.path !== 'apiName');
  if (EDITABLE_FIELDS.every((f) => input[f] === undefined))
    issues.push({ path: '(root)', rule: 'required', message: `nothing to update: give at least one of ${EDITABLE_FIELDS.join(', ')}` });
  if (issues.length > 0) throw invalid('ONTOLOGY.INVALID_OBJECT_TYPE', 'The object type is not valid', issues);
  return {
    type: 'ObjectTypeUpdated',
    data: { objectTypeId: current.id, ...next, displayName: next.displayName.trim() },
  };
}

function requireOntology(state: OntologyState): void {
  if (!state.exists) throw notFound('ONTOLOGY.NOT_FOUND', 'The ontology does not exist');
}

/**
 * The type the command edits, as long as nobody changed it since the client's `expectedSeq`. Checked before
 * validation: an edit of a stale view is a conflict whatever it contains.
 */
function requireUnchanged(state: OntologyState, objectTypeId: string, expectedSeq: number): ObjectTypeState {
  requireOntology(state);
  const current = state.objectTypes.get(objectTypeId);
  if (!current) throw notFound('ONTOLOGY.OBJECT_TYPE_NOT_FOUND', `There is no object type ${objectTypeId} in this ontology`, { objectTypeId });
  if (current.version !== expectedSeq) {
    const what = current.deleted ? 'deleted' : 'changed';
    throw conflict(
      OBJECT_TYPE_CHANGED,
      `Object type ${current.apiName} was ${what} by ${current.changedBy} at ${current.changedAt} (version ${current.version}); your edit is based on version ${expectedSeq}`,
      {
        objectTypeId,
        apiName: current.apiName,
        expectedSeq,
        currentSeq: current.version,
        changedBy: current.changedBy,
        changedAt: current.changedAt,
        deleted: current.deleted,
      },
    );
  }
  if (current.deleted) throw notFound('ONTOLOGY.OBJECT_TYPE_NOT_FOUND', `Object type ${current.apiName} has been deleted`, { objectTypeId });
  return current;
}
