import { TRPCError } from '@trpc/server';

/** The largest tRPC request body accepted: far above any real command, far below what would hurt the server. */
export const MAX_TRPC_BODY_BYTES = 256 * 1024;

/** An import carries a whole ontology document (a 500-type ontology is about 1.5 MB of JSON, 5 MB of JSON-LD). */
export const MAX_IMPORT_BODY_BYTES = 24 * 1024 * 1024;

/** The limit for a request: imports get the large one, every other command the small one. */
export function bodyLimitFor(url: string): number {
  const { pathname } = new URL(url, 'http://localhost');
  const importing = /(^|[/,])model\.interchange\.import(,|$)/.test(pathname) || /^\/api\/v1\/ontologies\/[^/]+\/import$/.test(pathname);
  return importing ? MAX_IMPORT_BODY_BYTES : MAX_TRPC_BODY_BYTES;
}

function tooLarge(limitBytes: number): TRPCError {
  return new TRPCError({
    code: 'PAYLOAD_TOO_LARGE',
    message: `The request body is larger than the limit of ${limitBytes % 1024 === 0 ? `${limitBytes / 1024} KiB (${limitBytes} bytes)` : `${limitBytes} bytes`}`,
  });
}

/**
 * The request with a body that fails with PAYLOAD_TOO_LARGE once it passes `limitBytes`, so tRPC answers
 * 413 in its own error shape (single and batched calls alike) when it reads the input. A declared
 * Content-Length over the limit fails at once, without reading; a body streamed without one is counted.
 */
export function withBodyLimit(req: Request, limitBytes: number): Request {
  if (!req.body) return req;
  const declared = Number(req.headers.get('content-length'));
  let body: ReadableStream<Uint8Array>;
  if (Number.isFinite(declared) && declared > limitBytes) {
    void req.body.cancel();
    body = new ReadableStream({ start: (controller) => controller.error(tooLarge(limitBytes)) });
  } else {
    let size = 0;
    body = req.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > limitBytes) controller.error(tooLarge(limitBytes));
          else controller.enqueue(chunk);
        },
      }),
    );
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal, duplex: 'half' } as RequestInit);
}
