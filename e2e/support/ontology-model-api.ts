import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { randomWord } from './ontology-api';

/** Seeding and reading ontologies, branches and proposals through the workbench's tRPC model API. */

export interface Person {
  readonly actor: string;
  readonly name: string;
}

export const ALICE: Person = { actor: 'alice@spice.local', name: 'Alice Editor' };
export const BOB: Person = { actor: 'bob@spice.local', name: 'Bob Reviewer' };

export interface EntityView {
  readonly id: string;
  readonly version: number;
  readonly definition: Record<string, unknown> & { apiName: string };
}

export interface ModelView {
  readonly displayName: string;
  readonly entities: Record<
    'objectType' | 'linkType' | 'interface' | 'sharedPropertyType' | 'valueType',
    EntityView[]
  >;
}

/** A browser context signed in as `who`; its `request` and pages act as that person. */
export async function signedIn(
  browser: Browser,
  who: Person,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const res = await context.request.post('/api/dev/sign-in', { data: who });
  expect(res.status(), `sign-in as ${who.actor} answered ${res.status()}`).toBe(200);
  return { context, page: await context.newPage() };
}

export async function mutate<T = { commandId: string; sequenceNumber: number | null }>(
  request: APIRequestContext,
  path: string,
  input: Record<string, unknown>,
): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  expect(res.status(), `${path}: ${JSON.stringify(body).slice(0, 600)}`).toBe(200);
  return body.result!.data.json;
}

export async function query<T>(
  request: APIRequestContext,
  path: string,
  input: Record<string, unknown>,
): Promise<T> {
  const res = await request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  expect(res.status(), `${path}: ${JSON.stringify(body).slice(0, 600)}`).toBe(200);
  return body.result!.data.json;
}

/** A new ontology with a per-run id, so journeys never share state. */
export async function createOntology(request: APIRequestContext, prefix: string): Promise<string> {
  const ontologyId = `${prefix}-${randomWord(8)}`;
  await mutate(request, 'model.ontologies.create', {
    ontologyId,
    displayName: `${prefix} ${ontologyId}`,
    description: 'Made by an e2e journey',
  });
  return ontologyId;
}

export const model = (request: APIRequestContext, ontologyId: string, branch = 'main') =>
  query<ModelView>(request, 'model.entities.model', { ontologyId, branch });

export async function define(
  request: APIRequestContext,
  ontologyId: string,
  branch: string,
  kind: string,
  definition: Record<string, unknown>,
): Promise<string> {
  return (
    await mutate<{ id: string }>(request, 'model.entities.define', { ontologyId, branch, kind, definition })
  ).id;
}

/** Changes fields of an entity on a branch, at the version the branch has now. */
export async function update(
  request: APIRequestContext,
  ontologyId: string,
  branch: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<void> {
  const current = (await model(request, ontologyId, branch)).entities.objectType.find((e) => e.id === id);
  expect(current, `object type ${id} on ${branch}`).toBeDefined();
  await mutate(request, 'model.entities.update', {
    ontologyId,
    branch,
    kind: 'objectType',
    id,
    expectedSeq: current!.version,
    patch,
    acknowledgeBreakingChanges: true,
  });
}

export const ship = (displayName = 'Ship') => ({
  apiName: 'Ship',
  displayName,
  description: 'A vessel that calls at ports',
  properties: [
    { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true },
    { apiName: 'tonnage', displayName: 'Tonnage', dataType: { type: 'decimal', precision: 10, scale: 2 } },
  ],
  primaryKey: 'imo',
});

export const port = () => ({
  apiName: 'Port',
  displayName: 'Port',
  properties: [
    { apiName: 'code', displayName: 'Code', dataType: 'string', required: true },
    { apiName: 'country', displayName: 'Country', dataType: 'string' },
  ],
  primaryKey: 'code',
});
