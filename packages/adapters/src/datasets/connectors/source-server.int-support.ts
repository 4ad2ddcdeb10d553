import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a path answers. `validators: false` serves the bytes without ETag or Last-Modified. */
export interface SourceFile {
  readonly body: string;
  readonly contentType?: string;
  readonly validators?: boolean;
  readonly status?: number;
  /** The Authorization header the path requires. */
  readonly requireAuthorization?: string;
  /** Answer with a redirect to this path instead (as Google's export URL does). */
  readonly redirectTo?: string;
  /** Never answer (a stalled source). */
  readonly hang?: boolean;
  /** Answer only once this settles: a test holds a fetch in flight. */
  readonly gate?: Promise<void>;
}

export interface SeenRequest {
  readonly path: string;
  readonly ifNoneMatch: string | null;
  readonly ifModifiedSince: string | null;
  readonly status: number;
}

/**
 * A real HTTP source on 127.0.0.1 (a random port) that serves files whose content a test changes, with a strong
 * ETag (the content hash) and a Last-Modified that moves with each change, and honours If-None-Match and
 * If-Modified-Since with 304 as a web server does.
 */
export class SourceServer {
  private readonly files = new Map<string, SourceFile & { modified: Date }>();
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  readonly requests: SeenRequest[] = [];
  /** Paths in the order requests for them arrived, answered or not yet. */
  private readonly arrivals: string[] = [];
  private clock = Date.parse('2026-01-01T00:00:00Z');

  private constructor() {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.arrivals.push(path);
      const gate = this.files.get(path)?.gate;
      if (!gate) return this.answer(req, res);
      void gate.then(() => this.answer(req, res));
    });
  }

  static async start(): Promise<SourceServer> {
    const source = new SourceServer();
    await new Promise<void>((resolve) => source.server.listen(0, '127.0.0.1', resolve));
    return source;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** Serves `file` at `path` from now on; each change moves Last-Modified on by a minute. */
  set(path: string, file: SourceFile): void {
    this.clock += 60_000;
    this.files.set(path, { ...file, modified: new Date(this.clock) });
  }

  requestsTo(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves once `count` requests for `path` have arrived. */
  async arrived(path: string, count = 1): Promise<void> {
    while (this.arrivals.filter((p) => p === path).length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const file = this.files.get(path);
    const seen = (status: number) =>
      this.requests.push({ path, ifNoneMatch: req.headers['if-none-match'] ?? null, ifModifiedSince: req.headers['if-modified-since'] ?? null, status });
    if (!file) return this.send(res, 404, seen, 'no such file');
    if (file.hang) {
      seen(0);
      this.hanging.add(res);
      return;
    }
    if (file.redirectTo) {
      seen(307);
      res.writeHead(307, { location: file.redirectTo }).end();
      return;
    }
    if (file.requireAuthorization !== undefined && req.headers.authorization !== file.requireAuthorization) return this.send(res, 401, seen, 'unauthorised');
    if (file.status && file.status !== 200) return this.send(res, file.status, seen, `the source failed with ${file.status}`);
    const etag = `"${createHash('sha256').update(file.body).digest('hex').slice(0, 16)}"`;
    const lastModified = file.modified.toUTCString();
    const validators = file.validators === false ? {} : { etag, 'last-modified': lastModified };
    if (file.validators !== false && this.notModified(req, etag, file.modified)) {
      seen(304);
      res.writeHead(304, validators).end();
      return;
    }
    seen(200);
    res.writeHead(200, { 'content-type': file.contentType ?? 'text/csv; charset=utf-8', ...validators }).end(file.body);
  }

  /** RFC 9110: If-None-Match wins when present; else If-Modified-Since compares at one-second resolution. */
  private notModified(req: IncomingMessage, etag: string, modified: Date): boolean {
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined) return ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*');
    const since = req.headers['if-modified-since'];
    return since !== undefined && Math.floor(modified.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000);
  }

  private send(res: ServerResponse, status: number, seen: (status: number) => void, text: string): void {
    seen(status);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
  }
}
