import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { E2E_ACTOR, signIn } from './support/sign-in';
import { defineShip, failure, mutate, ok, query, readModelAt } from './support/ontology-api';

/**
 * The command API under bad and racing input. "Nothing appended" is proved by the ontology stream itself:
 * the next accepted command gets the sequence number right after the last accepted one.
 */

interface CommandStatus {
  commandId: string;
  status: string;
  phase: string;
  sequenceNumber: number | null;
  error: { code: string; message: string } | null;
}

test.beforeEach(async ({ request }) => {
  await signIn(request);
});

test('update and delete need the version last seen; a stale one answers 409 with who and when and appends nothing', async ({ request }) => {
  const ship = await defineShip(request);

  const first = await ok(await mutate(request, 'updateObjectType', { objectTypeId: ship.id, expectedSeq: ship.version, description: 'first edit' }));
  expect(first).toMatchObject({ status: 'applied', sequenceNumber: expect.any(Number) });
  expect(first.sequenceNumber).toBeGreaterThan(ship.version);

  for (const [procedure, input] of [
    ['updateObjectType', { objectTypeId: ship.id, expectedSeq: ship.version, description: 'stale edit' }],
    ['deleteObjectType', { objectTypeId: ship.id, expectedSeq: ship.version }],
  ] as const) {
    const res = await mutate(request, procedure, input);
    expect(res.status(), procedure).toBe(409);
    const error = await failure(res);
    expect(error.data).toMatchObject({ code: 'CONFLICT', domainCode: 'ONTOLOGY.OBJECT_TYPE_CHANGED' });
    expect(error.data.context).toMatchObject({
      objectTypeId: ship.id,
      expectedSeq: ship.version,
      currentSeq: first.sequenceNumber,
      changedBy: E2E_ACTOR.actor,
      changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      deleted: false,
    });
  }

  // The refused commands appended nothing: the next edit lands right after the first one.
  const second = await ok(await mutate(request, 'updateObjectType', { objectTypeId: ship.id, expectedSeq: first.sequenceNumber, displayName: 'Second edit' }));
  expect(second.sequenceNumber).toBe(first.sequenceNumber + 1);
  const updated = await readModelAt(request, ship.id, second.sequenceNumber);
  expect(updated).toMatchObject({ displayName: 'Second edit', description: 'first edit', version: second.sequenceNumber, updatedBy: E2E_ACTOR.actor });

  const deleted = await ok(await mutate(request, 'deleteObjectType', { objectTypeId: ship.id, expectedSeq: second.sequenceNumber }));
  expect(deleted.sequenceNumber).toBe(second.sequenceNumber + 1);
  await readModelAt(request, ship.id, null);
  const search = await query<{ id: string }[]>(request, 'searchObjectTypes', { ontologyId: 'demo', text: ship.apiName });
  expect(search.body.map((h) => h.id)).not.toContain(ship.id);

  // Editing a deleted type is a conflict that says so.
  const afterDelete = await failure(await mutate(request, 'updateObjectType', { objectTypeId: ship.id, expectedSeq: second.sequenceNumber, description: 'too late' }));
  expect(afterDelete.data.context).toMatchObject({ deleted: true, currentSeq: deleted.sequenceNumber });
});

test('bad input answers a specific 4xx naming the field, and appends nothing', async ({ request }) => {
  const ship = await defineShip(request);
  const update = (input: Record<string, unknown>) => mutate(request, 'updateObjectType', { objectTypeId: ship.id, expectedSeq: ship.version, ...input });
  const expectIssues = async (res: Awaited<ReturnType<typeof update>>, status: number, domainCode: string, issues: Record<string, unknown>[]) => {
    const error = await failure(res);
    expect(res.status(), JSON.stringify(error)).toBe(status);
    expect(error.data.domainCode).toBe(domainCode);
    expect(error.data.issues).toEqual(issues.map((i) => expect.objectContaining(i)));
  };

  const malformed = await request.post('/api/trpc/ontology.updateObjectType', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"json":{"ontologyId":') });
  await expectIssues(malformed, 400, 'INPUT.MALFORMED_JSON', [{ path: '(root)', rule: 'json' }]);

  await expectIssues(await mutate(request, 'deleteObjectType', { objectTypeId: 42, expectedSeq: 'three' }), 400, 'INPUT.INVALID', [
    { path: 'objectTypeId', rule: 'invalid_type' },
    { path: 'expectedSeq', message: 'must be a number: the version of the entity you last saw (its `version`)' },
  ]);
  await expectIssues(await update({ expectedSeq: 1.5, displayName: 'x' }), 400, 'INPUT.INVALID', [{ path: 'expectedSeq', message: 'must be a whole number' }]);
  await expectIssues(await update({ properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'varchar' }] }), 400, 'INPUT.INVALID', [
    { path: 'properties.0.dataType', message: expect.stringContaining('unknown data type "varchar"') },
  ]);

  // Unknown fields, top-level and nested.
  await expectIssues(
    await update({ colour: 'red', properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true, size: 3 }] }),
    400,
    'INPUT.INVALID',
    [
      { path: 'properties.0.size', message: 'unknown field "size"' },
      { path: 'colour', message: 'unknown field "colour"' },
    ],
  );

  // Update and delete without expectedSeq: refused, naming it.
  const expectedSeqMissing = { path: 'expectedSeq', message: 'required: the version of the entity you last saw (its `version`)' };
  await expectIssues(await mutate(request, 'updateObjectType', { objectTypeId: ship.id, description: 'x' }), 400, 'INPUT.INVALID', [expectedSeqMissing]);
  await expectIssues(await mutate(request, 'deleteObjectType', { objectTypeId: ship.id }), 400, 'INPUT.INVALID', [expectedSeqMissing]);

  // Valid JSON the domain refuses.
  await expectIssues(await update({ displayName: ' ' }), 400, 'ONTOLOGY.INVALID_OBJECT_TYPE', [{ path: 'displayName', rule: 'required' }]);
  await expectIssues(await update({ primaryKey: 'tonnage' }), 400, 'ONTOLOGY.INVALID_OBJECT_TYPE', [
    { path: 'primaryKey', rule: 'key-type' },
    { path: 'primaryKey', rule: 'key-required' },
  ]);
  await expectIssues(await update({}), 400, 'ONTOLOGY.INVALID_OBJECT_TYPE', [{ path: '(root)', rule: 'required' }]);
  const unknown = await mutate(request, 'deleteObjectType', { objectTypeId: 'ot_missing', expectedSeq: 1 });
  expect(unknown.status()).toBe(404);
  expect((await failure(unknown)).data.domainCode).toBe('ONTOLOGY.OBJECT_TYPE_NOT_FOUND');

  // Over the 256 KiB body limit: 413 before anything is parsed.
  const oversized = await update({ description: 'x'.repeat(300 * 1024) });
  expect(oversized.status()).toBe(413);
  const tooLarge = await failure(oversized);
  expect(tooLarge.data.code).toBe('PAYLOAD_TOO_LARGE');
  expect(tooLarge.message).toBe('The request body is larger than the limit of 256 KiB (262144 bytes)');

  // None of it appended anything: the version the type was defined at is still the one to edit, and the
  // next accepted command is the very next position of the stream.
  const next = await ok(await update({ description: 'finally valid' }));
  expect(next.sequenceNumber).toBe(ship.version + 1);
  const row = await readModelAt(request, ship.id, next.sequenceNumber);
  expect(row).toMatchObject({ description: 'finally valid', displayName: ship.displayName, primaryKey: 'imo' });
});

test('a command id answers its status and streams it live until visible; failures keep their error', async ({ request }) => {
  const ship = await defineShip(request);
  const commandId = randomUUID();
  const applied = await ok(await mutate(request, 'updateObjectType', { commandId, objectTypeId: ship.id, expectedSeq: ship.version, description: 'tracked' }));
  expect(applied).toEqual({ commandId, status: 'applied', sequenceNumber: ship.version + 1 });

  // The subscription ends once the command is visible, so the whole event stream can be read as one body.
  const stream = await request.get(`/api/trpc/ontology.watchCommand?input=${encodeURIComponent(JSON.stringify({ json: { commandId } }))}`);
  expect(stream.headers()['content-type']).toContain('text/event-stream');
  const phases = (await stream.text())
    .split('\n')
    .filter((line) => line.startsWith('data: {"json"'))
    .map((line) => (JSON.parse(line.slice('data: '.length)) as { json: CommandStatus }).json.phase);
  expect(phases.at(-1)).toBe('visible');
  expect(['pending', 'applied', 'visible']).toEqual(expect.arrayContaining(phases));

  const visible = await query<CommandStatus>(request, 'commandStatus', { commandId });
  expect(visible.body).toMatchObject({ commandId, status: 'applied', phase: 'visible', sequenceNumber: ship.version + 1, error: null });

  // The same command id again: the recorded outcome, not a second append.
  expect(await ok(await mutate(request, 'updateObjectType', { commandId, objectTypeId: ship.id, expectedSeq: ship.version, description: 'tracked' }))).toEqual(applied);
  const reused = await mutate(request, 'updateObjectType', { commandId, objectTypeId: ship.id, expectedSeq: ship.version, description: 'something else' });
  expect(reused.status()).toBe(409);
  expect((await failure(reused)).data.domainCode).toBe('COMMAND.ID_REUSED');

  const staleId = randomUUID();
  const stale = await mutate(request, 'updateObjectType', { commandId: staleId, objectTypeId: ship.id, expectedSeq: ship.version, description: 'stale' });
  expect(stale.status()).toBe(409);
  const failed = await query<CommandStatus>(request, 'commandStatus', { commandId: staleId });
  expect(failed.body).toMatchObject({ status: 'failed', phase: 'failed', sequenceNumber: null, error: { code: 'ONTOLOGY.OBJECT_TYPE_CHANGED' } });

  const missing = await query<CommandStatus>(request, 'commandStatus', { commandId: randomUUID() });
  expect(missing.status()).toBe(404);
});
