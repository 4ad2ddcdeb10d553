import { conflict, invalid, notFound } from '../shared/errors';
import type { OntologyCommand } from './ontology.commands';
import type { OntologyEvent } from './ontology.events';
import type { OntologyState } from './ontology.state';
import { objectTypeIssues } from './object-type.rules';

export function decideOntology(command: OntologyCommand, state: OntologyState): OntologyEvent[] {
  switch (command.type) {
    case 'CreateOntology':
      if (state.exists)
        throw conflict('ONTOLOGY.ALREADY_EXISTS', `Ontology "${command.data.ontologyId}" already exists`, { ontologyId: command.data.ontologyId });
      return [{ type: 'OntologyCreated', data: command.data }];
    case 'DefineObjectType': {
      if (!state.exists) throw notFound('ONTOLOGY.NOT_FOUND', 'The ontology does not exist');
      const { objectTypeId, ...input } = command.data;
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
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
