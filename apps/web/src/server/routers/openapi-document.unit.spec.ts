import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from './app.router';

describe('the REST surface', () => {
  it('is described by an OpenAPI document generated from the procedures', () => {
    // Generation fails on a procedure whose input can't be carried by its HTTP method (e.g. a number in a query).
    const doc = generateOpenApiDocument(appRouter, { title: 'Spice Harvester API', version: '1', baseUrl: '/api/v1' });
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining([
        '/ontologies',
        '/ontologies/{ontologyId}/model',
        '/ontologies/{ontologyId}/entities/{kind}',
        '/ontologies/{ontologyId}/entities/{kind}/{id}',
        '/ontologies/{ontologyId}/entities/{kind}/{id}/delete',
        '/ontologies/{ontologyId}/export',
        '/ontologies/{ontologyId}/import',
      ]),
    );
    expect(doc.paths?.['/ontologies/{ontologyId}/entities/{kind}/{id}']?.patch?.requestBody).toBeDefined();
  });

  it('documents what the model, object-type, branch and compare reads answer, from the domain’s schemas', () => {
    const doc = generateOpenApiDocument(appRouter, { title: 'Spice Harvester API', version: '1', baseUrl: '/api/v1' });
    const answer = (path: string) => {
      const response = doc.paths?.[path]?.get?.responses?.['200'];
      const schema = response && 'content' in response ? response.content?.['application/json']?.schema : undefined;
      return schema && 'properties' in schema ? Object.keys(schema.properties ?? {}) : [];
    };
    expect(answer('/ontologies/{ontologyId}/model')).toEqual(expect.arrayContaining(['seq', 'branches', 'entities', 'issues']));
    expect(answer('/ontologies/{ontologyId}/object-types/{id}')).toEqual(
      expect.arrayContaining(['seq', 'objectType', 'linkTypes', 'interfaces', 'sharedPropertyTypes', 'valueTypes', 'referencedBy', 'issues', 'choices']),
    );
    expect(answer('/ontologies/{ontologyId}/branches/{branch}')).toEqual(expect.arrayContaining(['displayName', 'closed', 'branches']));
    expect(answer('/ontologies/{ontologyId}/branches/{branch}/compare')).toEqual(['changes', 'mainChanges', 'conflicts']);
    // Definitions and the recursive data type are named components that the answers refer to.
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['ObjectTypeDefinition', 'LinkTypeDefinition', 'DataType']));
  });
});
