import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

/** Seeding and probing the ontology through the workbench's own tRPC API, as a client would. */

export const ONTOLOGY_ID = 'demo';

export interface TrpcError {
  readonly message: string;
  readonly data: {
    readonly code: string;
    readonly httpStatus: number;
    readonly domainCode: string | null;
    readonly issues: readonly { path: string; message: string; rule?: string }[];
    readonly context: Record<string, unknown>;
  };
}

export interface CommandOutcome {
  readonly commandId: string;
  readonly status: string;
  readonly sequenceNumber: number;
}

export interface ObjectTypeRow {
  readonly id: string;
  readonly apiName: string;
  readonly displayName: string;
  readonly description: string;
  readonly primaryKey: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly properties: readonly { apiName: string; dataType: string; required: boolean }[];
}

/** apiNames are letters and digits only, so the per-run suffix is letters. */
export function randomWord(length: number): string {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

export function uniqueApiName(prefix: string): string {
  const word = randomWord(8);
  return `${prefix}${word[0]!.toUpperCase()}${word.slice(1)}`;
}

export function mutate(request: APIRequestContext, procedure: string, input: Record<string, unknown>): Promise<APIResponse> {
  return request.post(`/api/trpc/ontology.${procedure}`, { data: { json: { ontologyId: ONTOLOGY_ID, ...input } } });
}

export async function query<T>(request: APIRequestContext, procedure: string, input: Record<string, unknown>): Promise<APIResponse & { body: T }> {
  const res = await request.get(`/api/trpc/ontology.${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const json = (await res.json()) as { result?: { data: { json: T } } };
  return Object.assign(res, { body: json.result?.data.json as T });
}

export async function ok<T = CommandOutcome>(res: APIResponse): Promise<T> {
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: { json: TrpcError } };
  expect(res.status(), JSON.stringify(body)).toBe(200);
  return body.result!.data.json;
}

export async function failure(res: APIResponse): Promise<TrpcError> {
  const body = (await res.json()) as { error?: { json: TrpcError } };
  expect(body.error, `expected an error, got ${res.status()} ${JSON.stringify(body)}`).toBeDefined();
  return body.error!.json;
}

export async function listObjectTypes(request: APIRequestContext): Promise<ObjectTypeRow[]> {
  return (await query<ObjectTypeRow[]>(request, 'listObjectTypes', { ontologyId: ONTOLOGY_ID })).body;
}

/** The type as the read model has it once it has caught up with `version` (or is gone, for `null`). */
export async function readModelAt(request: APIRequestContext, objectTypeId: string, version: number | null): Promise<ObjectTypeRow | undefined> {
  let found: ObjectTypeRow | undefined;
  await expect
    .poll(async () => {
      found = (await listObjectTypes(request)).find((t) => t.id === objectTypeId);
      return version === null ? found === undefined : (found?.version ?? 0) >= version;
    }, { message: `read model of ${objectTypeId} at version ${version ?? '(deleted)'}` })
    .toBe(true);
  return found;
}

/** Defines a fresh object type and waits until the read model shows it. */
export async function defineShip(request: APIRequestContext, apiName = uniqueApiName('Ship')): Promise<ObjectTypeRow> {
  const outcome = await ok(
    await mutate(request, 'defineObjectType', {
      apiName,
      displayName: `Ship ${apiName}`,
      description: 'Seeded by the e2e suite',
      properties: [
        { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true },
        { apiName: 'tonnage', displayName: 'Tonnage', dataType: 'double' },
      ],
      primaryKey: 'imo',
    }),
  );
  let seen: ObjectTypeRow | undefined;
  await expect
    .poll(async () => (seen = (await listObjectTypes(request)).find((t) => t.apiName === apiName)) !== undefined, {
      message: `read model shows ${apiName} (command ${outcome.commandId})`,
    })
    .toBe(true);
  return seen!;
}
