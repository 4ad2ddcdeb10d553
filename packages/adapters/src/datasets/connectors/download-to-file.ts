import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fetch, type Dispatcher, type Response } from 'undici';
import { DomainError, type ReceivedFile } from '@spice/domain';

export interface DownloadLimits {
  /** How long to wait for the answer, and then between two chunks of its body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** How connections are opened: the egress guard's agent refuses internal networks. */
  readonly dispatcher: Dispatcher;
}

export type Download =
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'downloaded'; readonly file: ReceivedFile; readonly etag: string | null; readonly lastModified: string | null };

/**
 * GETs a URL into a local file as it arrives, hashing (SHA-256) and counting on the way, so a large source never
 * sits in memory. A stalled answer or body is cut off after `timeoutMs` of silence; a body past `maxBytes` is
 * refused. `label` is how errors name the source (the URL, unless it carries something that must not be shown).
 */
export async function downloadToFile(url: string, headers: Headers, destination: string, limits: DownloadLimits, label = url): Promise<Download> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const quiet = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  };
  quiet();
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow', dispatcher: limits.dispatcher });
    } catch (e) {
      if (e instanceof Error && e.cause instanceof DomainError) throw e.cause;
      throw fetchFailure(e, controller.signal.aborted, label, limits);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      const detail = await errorDetail(response);
      throw new DomainError({
        code: 'CONNECTOR.SOURCE_HTTP_ERROR',
        kind: response.status >= 500 || response.status === 429 ? 'unavailable' : 'precondition',
        message: `GET ${label} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? `: ${detail}` : ''}`,
        context: { status: response.status, url: label },
      });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(label, limits.maxBytes);
    }
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        quiet();
        sizeBytes += chunk.length;
        if (sizeBytes > limits.maxBytes) return done(tooLarge(label, limits.maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const body = response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
    try {
      await pipeline(body, measure, createWriteStream(destination));
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw fetchFailure(e, controller.signal.aborted, label, limits);
    }
    return {
      kind: 'downloaded',
      file: { path: destination, sizeBytes, contentHash: hash.digest('hex') },
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } finally {
    clearTimeout(timer);
  }
}

function fetchFailure(e: unknown, timedOut: boolean, label: string, limits: DownloadLimits): DomainError {
  if (timedOut)
    return new DomainError({
      code: 'CONNECTOR.SOURCE_TIMEOUT',
      kind: 'unavailable',
      message: `GET ${label} was silent for ${limits.timeoutMs / 1000} s: gave up (CONNECTOR_TIMEOUT_SECONDS)`,
      context: { url: label },
    });
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
  return new DomainError({ code: 'CONNECTOR.SOURCE_UNREACHABLE', kind: 'unavailable', message: `Could not reach ${label}: ${cause}`, context: { url: label }, cause: e });
}

const tooLarge = (label: string, maxBytes: number) =>
  new DomainError({
    code: 'CONNECTOR.SOURCE_TOO_LARGE',
    kind: 'precondition',
    message: `${label} is larger than the ${maxBytes >= 1024 ** 2 ? `${Math.floor(maxBytes / 1024 ** 2)} MiB` : `${maxBytes} bytes`} limit (SPICE_MAX_UPLOAD_MB)`,
    context: { url: label, maxBytes },
  });

/** What an error answer says, briefly: Google's JSON errors carry a message; a plain-text body is shown in part. */
async function errorDetail(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json|text\/plain/.test(type)) {
    await response.body?.cancel();
    return '';
  }
  const text = (await response.text().catch(() => '')).trim();
  if (type.includes('json')) {
    try {
      const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
      return typeof message === 'string' ? message : '';
    } catch {
      return '';
    }
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
