import { generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SHEETS_READONLY = 'https://www.googleapis.com/auth/spreadsheets.readonly';

/**
 * Google's two endpoints the Sheets API path uses, played by a local HTTP server: the OAuth token endpoint
 * (it verifies the service account's RS256-signed JWT against the public half of a key generated here, as
 * Google does against the account's registered key) and `spreadsheets.values.get` (it serves values only to a
 * token it issued).
 */
export class FakeGoogle {
  readonly clientEmail = 'spice-reader@spice-test.iam.gserviceaccount.com';
  readonly tokenRequests: { readonly iss: string; readonly scope: string }[] = [];
  private readonly server: Server;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly tokens = new Set<string>();
  private readonly sheets = new Map<string, unknown[][]>();

  private constructor() {
    this.server = createServer((req, res) =>
      this.answer(req, res).catch((e: unknown) => json(res, 500, { error: { code: 500, message: `fake Google failed: ${String(e)}` } })),
    );
  }

  static async start(): Promise<FakeGoogle> {
    const google = new FakeGoogle();
    await new Promise<void>((resolve) => google.server.listen(0, '127.0.0.1', resolve));
    return google;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get tokenUrl(): string {
    return `${this.baseUrl}/token`;
  }

  /** Writes a service-account key file as Google issues them (with this account's private key, or another's). */
  async writeKeyFile(path: string, options: { foreignKey?: boolean } = {}): Promise<string> {
    const key = options.foreignKey ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : this.keys.privateKey;
    await writeFile(
      path,
      JSON.stringify({
        type: 'service_account',
        project_id: 'spice-test',
        private_key_id: 'k1',
        private_key: key.export({ type: 'pkcs8', format: 'pem' }),
        client_email: this.clientEmail,
        token_uri: 'https://oauth2.googleapis.com/token',
      }),
    );
    return path;
  }

  setValues(spreadsheetId: string, range: string, values: unknown[][]): void {
    this.sheets.set(`${spreadsheetId}/${range}`, values);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (req.method === 'POST' && url.pathname === '/token') return this.token(await body(req), res);
    const values = /^\/v4\/spreadsheets\/([^/]+)\/values\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && values) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !this.tokens.has(token)) return json(res, 401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } });
      const range = decodeURIComponent(values[2]!);
      const rows = this.sheets.get(`${decodeURIComponent(values[1]!)}/${range}`);
      if (!rows) return json(res, 404, { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });
      return json(res, 200, { range, majorDimension: url.searchParams.get('majorDimension') ?? 'ROWS', values: rows });
    }
    json(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}` } });
  }

  private token(form: string, res: ServerResponse): void {
    const params = new URLSearchParams(form);
    if (params.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return json(res, 400, { error: 'unsupported_grant_type', error_description: 'jwt-bearer expected' });
    const [header, payload, signature] = (params.get('assertion') ?? '').split('.');
    const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.keys.publicKey, Buffer.from(signature ?? '', 'base64url'));
    if (!signed) return json(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { iss: string; scope: string; exp: number };
    if (claims.iss !== this.clientEmail || !claims.scope.split(' ').includes(SHEETS_READONLY) || claims.exp * 1000 < Date.now())
      return json(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT claims.' });
    this.tokenRequests.push({ iss: claims.iss, scope: claims.scope });
    const accessToken = `ya29.${randomUUID()}`;
    this.tokens.add(accessToken);
    json(res, 200, { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' });
  }
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}
