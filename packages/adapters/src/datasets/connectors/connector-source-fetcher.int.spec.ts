import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError, FetchResult } from '@spice/domain';
import { ConnectorSourceFetcher, type ConnectorFetcherConfig } from './connector-source-fetcher.adapter';
import { FakeGoogle } from './fake-google.int-support';
import { SourceServer } from './source-server.int-support';

const SHEET = '1fleetSheetAbCdEfGhIjKlMnOpQrStUvWxYz012345';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('connector source fetcher (a local HTTP source and a local Google)', () => {
  let source: SourceServer;
  let google: FakeGoogle;
  let dir: string;
  let config: ConnectorFetcherConfig;
  const fetcher = (over: Partial<ConnectorFetcherConfig> = {}) => new ConnectorSourceFetcher({ ...config, ...over });
  let n = 0;
  const destination = () => join(dir, `fetched-${++n}`);
  const fetched = (r: FetchResult) => {
    if (r.kind !== 'fetched') throw new Error(`expected a fetch, got ${r.kind}`);
    return r;
  };

  beforeAll(async () => {
    [source, google] = await Promise.all([SourceServer.start(), FakeGoogle.start()]);
    dir = await mkdtemp(join(tmpdir(), 'spice-connector-fetch-'));
    config = {
      timeoutMs: 10_000,
      maxBytes: 1024 * 1024,
      secrets: { FLEET_TOKEN: 'Bearer s3cret' },
      // The test servers are on loopback, an internal network connectors may reach only when allowed.
      allowedNetworks: ['127.0.0.1'],
      google: { serviceAccountKeyFile: await google.writeKeyFile(join(dir, 'key.json')), docsUrl: source.baseUrl, sheetsApiUrl: google.baseUrl, tokenUrl: google.tokenUrl },
    };
  });
  afterAll(async () => {
    await Promise.all([source?.stop(), google?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('a conditional GET: the bytes with their SHA-256 and validators, then 304 for the same validators', async () => {
    source.set('/ships.csv', { body: 'id,name\nS1,Aurora\n' });
    const first = fetched(await fetcher().fetch({ kind: 'http', url: source.url('/ships.csv'), headers: [] }, null, destination()));
    expect(await readFile(first.file.path, 'utf8')).toBe('id,name\nS1,Aurora\n');
    expect(first.file).toMatchObject({ sizeBytes: 18, contentHash: createHash('sha256').update('id,name\nS1,Aurora\n').digest('hex') });
    expect(first.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.lastModified).toBe('Thu, 01 Jan 2026 00:01:00 GMT');
    const again = await fetcher().fetch({ kind: 'http', url: source.url('/ships.csv'), headers: [] }, { etag: first.etag, lastModified: first.lastModified }, destination());
    expect(again).toEqual({ kind: 'unchanged' });
    expect(source.requestsTo('/ships.csv').at(-1)).toEqual({ path: '/ships.csv', ifNoneMatch: first.etag, ifModifiedSince: first.lastModified, status: 304 });
  });

  it("never reaches the server's internal networks unless allowed: by address, by a name resolving there, by a redirect", async () => {
    source.set('/inside.csv', { body: 'id\n1\n' });
    const notAllowed = (what: string) =>
      `${what} is on an internal network, which connectors may not reach unless the operator allows it (CONNECTOR_ALLOWED_NETWORKS)`;
    const closed = fetcher({ allowedNetworks: [] });
    const byAddress = destination();
    expect(await refusal(closed.fetch({ kind: 'http', url: source.url('/inside.csv'), headers: [] }, null, byAddress))).toMatchObject({
      code: 'CONNECTOR.SOURCE_NOT_ALLOWED',
      kind: 'precondition',
      message: notAllowed('127.0.0.1'),
    });
    await expect(readFile(byAddress), 'nothing is written').rejects.toThrow(/ENOENT/);
    const byName = await refusal(closed.fetch({ kind: 'http', url: source.url('/inside.csv').replace('127.0.0.1', 'localhost'), headers: [] }, null, destination()));
    expect(byName.code).toBe('CONNECTOR.SOURCE_NOT_ALLOWED');
    expect(byName.message).toMatch(/^localhost \((127\.0\.0\.1|::1)\) is on an internal network/);
    const metadata = await refusal(closed.fetch({ kind: 'http', url: 'http://169.254.169.254/latest/meta-data/', headers: [] }, null, destination()));
    expect(metadata).toMatchObject({ code: 'CONNECTOR.SOURCE_NOT_ALLOWED', message: notAllowed('169.254.169.254') });
    expect(source.requestsTo('/inside.csv'), 'no request reached the source').toEqual([]);

    // Allowed: 127.0.0.1 only. A redirect from there to another loopback address is refused at the redirect.
    source.set('/moved.csv', { body: '', redirectTo: source.url('/inside.csv').replace('127.0.0.1', '127.0.0.2') });
    const redirected = await refusal(fetcher().fetch({ kind: 'http', url: source.url('/moved.csv'), headers: [] }, null, destination()));
    expect(redirected).toMatchObject({ code: 'CONNECTOR.SOURCE_NOT_ALLOWED', message: notAllowed('127.0.0.2') });
    fetched(await fetcher().fetch({ kind: 'http', url: source.url('/inside.csv'), headers: [] }, null, destination()));
  });

  it('a header secret is looked up in the configured secrets; a missing one is named', async () => {
    source.set('/private.csv', { body: 'id\n1\n', requireAuthorization: 'Bearer s3cret' });
    const url = source.url('/private.csv');
    fetched(await fetcher().fetch({ kind: 'http', url, headers: [{ name: 'Authorization', secret: 'FLEET_TOKEN' }] }, null, destination()));
    const missing = await refusal(fetcher().fetch({ kind: 'http', url, headers: [{ name: 'Authorization', secret: 'OTHER_TOKEN' }] }, null, destination()));
    expect(missing).toMatchObject({ code: 'CONNECTOR.SECRET_MISSING', message: 'Header "Authorization" names the secret "OTHER_TOKEN", which is not configured: add it to CONNECTOR_SECRETS' });
    const refused = await refusal(fetcher({ secrets: { FLEET_TOKEN: 'Bearer wrong' } }).fetch({ kind: 'http', url, headers: [{ name: 'Authorization', secret: 'FLEET_TOKEN' }] }, null, destination()));
    expect(refused).toMatchObject({ code: 'CONNECTOR.SOURCE_HTTP_ERROR', kind: 'precondition', message: `GET ${url} answered 401 Unauthorized: unauthorised` });
  });

  it('names the status and URL of a failing source, and a source that cannot be reached', async () => {
    source.set('/broken.csv', { body: '', status: 503 });
    const failed = await refusal(fetcher().fetch({ kind: 'http', url: source.url('/broken.csv'), headers: [] }, null, destination()));
    expect(failed).toMatchObject({ code: 'CONNECTOR.SOURCE_HTTP_ERROR', kind: 'unavailable', retryable: true, message: `GET ${source.url('/broken.csv')} answered 503 Service Unavailable: the source failed with 503` });
    const closed = await SourceServer.start();
    const gone = closed.url('/x.csv');
    await closed.stop();
    const unreachable = await refusal(fetcher().fetch({ kind: 'http', url: gone, headers: [] }, null, destination()));
    expect(unreachable.code).toBe('CONNECTOR.SOURCE_UNREACHABLE');
    expect(unreachable.message).toMatch(new RegExp(`^Could not reach ${gone.replace(/[.?]/g, '\\$&')}: .*ECONNREFUSED`));
  });

  it('gives up on a source that stays silent, and refuses one past the size limit', async () => {
    source.set('/stalled.csv', { body: '', hang: true });
    const stalled = await refusal(fetcher({ timeoutMs: 300 }).fetch({ kind: 'http', url: source.url('/stalled.csv'), headers: [] }, null, destination()));
    expect(stalled).toMatchObject({ code: 'CONNECTOR.SOURCE_TIMEOUT', message: `GET ${source.url('/stalled.csv')} was silent for 0.3 s: gave up (CONNECTOR_TIMEOUT_SECONDS)` });
    source.set('/big.csv', { body: 'x'.repeat(5000) });
    const big = await refusal(fetcher({ maxBytes: 4096 }).fetch({ kind: 'http', url: source.url('/big.csv'), headers: [] }, null, destination()));
    expect(big).toMatchObject({ code: 'CONNECTOR.SOURCE_TOO_LARGE', message: `${source.url('/big.csv')} is larger than the 4096 bytes limit (SPICE_MAX_UPLOAD_MB)` });
  });

  it("a sheet's CSV export is fetched from its export URL, following Google's redirect", async () => {
    source.set(`/spreadsheets/d/${SHEET}/export?format=csv&gid=7`, { body: '', redirectTo: '/googleusercontent/export-7.csv' });
    source.set('/googleusercontent/export-7.csv', { body: 'port,ships\nBusan,12\n' });
    const result = fetched(await fetcher().fetch({ kind: 'google-sheets-csv', spreadsheetId: SHEET, gid: '7' }, null, destination()));
    expect(await readFile(result.file.path, 'utf8')).toBe('port,ships\nBusan,12\n');
    expect(source.requestsTo(`/spreadsheets/d/${SHEET}/export?format=csv&gid=7`)).toHaveLength(1);
  });

  it('the Sheets API path: a service-account token, then values.get written as CSV', async () => {
    google.setValues(SHEET, 'Fleet!A1:C', [['id', 'name', 'tonnage'], ['S1', 'Aurora', '1,200'], ['S2', 'Borealis']]);
    const result = fetched(await fetcher().fetch({ kind: 'google-sheets-api', spreadsheetId: SHEET, range: 'Fleet!A1:C' }, null, destination()));
    expect(await readFile(result.file.path, 'utf8')).toBe('id,name,tonnage\r\nS1,Aurora,"1,200"\r\nS2,Borealis,\r\n');
    expect(result).toMatchObject({ etag: null, lastModified: null });
    expect(google.tokenRequests.at(-1)).toEqual({ iss: google.clientEmail, scope: 'https://www.googleapis.com/auth/spreadsheets.readonly' });
    const missing = await refusal(fetcher().fetch({ kind: 'google-sheets-api', spreadsheetId: SHEET, range: 'Other!A:B' }, null, destination()));
    expect(missing.message).toMatch(/answered 404 Not Found: Requested entity was not found\.$/);
  });

  it('says why the Sheets API cannot be used: no key, or a key Google does not know', async () => {
    const noKey = await refusal(fetcher({ google: { ...config.google, serviceAccountKeyFile: null } }).fetch({ kind: 'google-sheets-api', spreadsheetId: SHEET, range: 'Fleet!A1:C' }, null, destination()));
    expect(noKey).toMatchObject({
      code: 'CONNECTOR.GOOGLE_AUTH',
      message: 'No Google service-account key is configured: set GOOGLE_SERVICE_ACCOUNT_KEY_FILE to the JSON key file of a service account the sheet is shared with',
    });
    const foreign = await google.writeKeyFile(join(dir, 'foreign-key.json'), { foreignKey: true });
    const refused = await refusal(
      fetcher({ google: { ...config.google, serviceAccountKeyFile: foreign } }).fetch({ kind: 'google-sheets-api', spreadsheetId: SHEET, range: 'Fleet!A1:C' }, null, destination()),
    );
    expect(refused).toMatchObject({
      code: 'CONNECTOR.GOOGLE_AUTH',
      message: `The service account ${google.clientEmail} could not get an access token from ${google.tokenUrl}: invalid_grant: Invalid JWT Signature.`,
    });
  });
});
