import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A CSV file served over HTTP on 127.0.0.1 (a port the system picks), the way an export endpoint serves one: with
 * an ETag of its content, answering 304 to a request that sends it back. Each answer waits `delayMs`, so a run
 * lasts long enough to be seen going. The requests it got are kept, to check what the connector sent.
 */
export class CsvSource {
  readonly requests: IncomingHttpHeaders[] = [];
  private body = '';

  private readonly server: Server = createServer((req, res) => this.answer(req.url ?? '', req.headers, res));

  private constructor(
    readonly path: string,
    private readonly delayMs: number,
  ) {}

  /** `port`: a fixed one, where the servers were told to look (0: any free port). */
  static async start(path: string, delayMs = 1_000, port = 0): Promise<CsvSource> {
    const source = new CsvSource(path, delayMs);
    await new Promise<void>((resolve) => source.server.listen(port, '127.0.0.1', resolve));
    return source;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.path}`;
  }

  get etag(): string {
    return `"${createHash('sha256').update(this.body).digest('hex').slice(0, 16)}"`;
  }

  serve(csv: string): void {
    this.body = csv;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(url: string, headers: IncomingHttpHeaders, res: ServerResponse): void {
    this.requests.push(headers);
    setTimeout(() => {
      if (url !== this.path) return void res.writeHead(404).end();
      if (headers['if-none-match'] === this.etag) return void res.writeHead(304, { etag: this.etag }).end();
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', etag: this.etag }).end(this.body);
    }, this.delayMs);
  }
}
