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
});
