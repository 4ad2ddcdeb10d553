import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

/**
 * The REST surface for scripts and other services (/api/v1, described by /api/openapi.json): the same
 * procedures as the workbench's tRPC, with plain JSON in and out.
 */
test.beforeEach(async ({ request }) => {
  await signIn(request);
});

test('a script builds, reads, edits and exports an ontology over REST, and meets the same rules', async ({ request }) => {
  const openapi = await (await request.get('/api/openapi.json')).json();
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/ontologies', '/ontologies/{ontologyId}/entities/{kind}/{id}']));

  const ontologyId = `rest-${randomUUID().slice(0, 8)}`;
  expect((await request.post('/api/v1/ontologies', { data: { ontologyId, displayName: 'Over REST' } })).status()).toBe(200);
  const listed = await (await request.get('/api/v1/ontologies')).json();
  expect(listed.map((o: { ontologyId: string }) => o.ontologyId)).toContain(ontologyId);

  const defined = await request.post(`/api/v1/ontologies/${ontologyId}/entities/objectType`, {
    data: { definition: { apiName: 'Ship', displayName: 'Ship', properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true }], primaryKey: 'imo' } },
  });
  expect(defined.status(), await defined.text()).toBe(200);
  const { id } = await defined.json();

  const model = await (await request.get(`/api/v1/ontologies/${ontologyId}/model?branch=main`)).json();
  const ship = model.entities.objectType.find((e: { id: string }) => e.id === id);
  expect(ship.definition).toMatchObject({ apiName: 'Ship', primaryKey: 'imo', status: 'experimental' });

  const edit = (expectedSeq: number, displayName: string) =>
    request.patch(`/api/v1/ontologies/${ontologyId}/entities/objectType/${id}`, { data: { expectedSeq, patch: { displayName } } });
  expect((await edit(ship.version, 'Vessel')).status()).toBe(200);
  const stale = await edit(ship.version, 'Boat');
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Object type Ship was changed by e2e@spice.local') });

  const invalid = await request.post(`/api/v1/ontologies/${ontologyId}/entities/objectType`, { data: { definition: { apiName: 'lower case', displayName: 'x' } } });
  expect(invalid.status()).toBe(400);
  expect(JSON.stringify(await invalid.json())).toContain('PascalCase');

  const exported = await (await request.get(`/api/v1/ontologies/${ontologyId}/export?format=turtle&branch=main`)).json();
  expect(exported.format).toBe('turtle');
  expect(exported.content).toContain('owl:Class');
  expect(exported.content).toContain('"Vessel"@en');
});
