import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { bodyLimitFor, MAX_IMPORT_BODY_BYTES, MAX_TRPC_BODY_BYTES, withBodyLimit } from './body-limit';

const URL = 'http://workbench.test/api/trpc/ontology.updateObjectType';

function streamed(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function bodyError(req: Request): Promise<unknown> {
  return req.text().then(
    () => null,
    (e: unknown) => e,
  );
}

describe('tRPC request body limit', () => {
  it('passes a body within the limit through unchanged', async () => {
    const req = withBodyLimit(new Request(URL, { method: 'POST', body: '{"json":{}}' }), 16);
    expect(await req.text()).toBe('{"json":{}}');
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const req = withBodyLimit(new Request(URL, { method: 'POST', body: 'x'.repeat(17), headers: { 'content-length': '17' } }), 16);
    const error = await bodyError(req);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the limit of 16 bytes' });
  });

  it('counts a body streamed without a length and fails once it passes the limit', async () => {
    const body = streamed(['12345678', '12345678', '1']);
    const req = withBodyLimit(new Request(URL, { method: 'POST', body, duplex: 'half' } as RequestInit), 16);
    expect(await bodyError(req)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const exact = withBodyLimit(new Request(URL, { method: 'POST', body: streamed(['12345678', '12345678']), duplex: 'half' } as RequestInit), 16);
    expect(await exact.text()).toBe('1234567812345678');
  });

  it('leaves bodiless requests alone', () => {
    const req = new Request(URL, { method: 'POST' });
    expect(withBodyLimit(req, 16)).toBe(req);
  });
});

describe('which limit a request gets', () => {
  it('gives ontology imports the large limit, over tRPC (alone or batched) and REST, and every other call the small one', () => {
    expect(bodyLimitFor('http://h/api/trpc/model.interchange.import')).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimitFor('http://h/api/trpc/ontology.commandStatus,model.interchange.import?batch=1')).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimitFor('http://h/api/v1/ontologies/demo/import')).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimitFor('http://h/api/trpc/model.entities.define')).toBe(MAX_TRPC_BODY_BYTES);
    expect(bodyLimitFor('http://h/api/trpc/model.interchange.importer')).toBe(MAX_TRPC_BODY_BYTES);
    expect(bodyLimitFor('http://h/api/v1/ontologies/demo/entities/objectType')).toBe(MAX_TRPC_BODY_BYTES);
  });
});
