import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { JWT } from 'google-auth-library';
import { DomainError, type ReceivedFile } from '@spice/domain';
import { downloadToFile, type DownloadLimits } from './download-to-file';
import { valuesToCsv } from './values-to-csv';

/** Where google-auth-library sends a service account's signed JWT; a configured token URL replaces it. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export interface GoogleSheetsApiConfig {
  readonly serviceAccountKeyFile: string | null;
  readonly sheetsApiUrl: string;
  readonly tokenUrl: string;
}

/**
 * Reads a range of a spreadsheet through the Sheets API v4 (`spreadsheets.values.get`) as the configured service
 * account (a signed JWT exchanged for an OAuth access token by google-auth-library), and writes it as CSV.
 */
export class GoogleSheetsValuesReader {
  private client: Promise<JWT> | null = null;

  constructor(
    private readonly config: GoogleSheetsApiConfig,
    private readonly limits: DownloadLimits,
  ) {}

  async readCsv(spreadsheetId: string, range: string, destination: string): Promise<ReceivedFile> {
    const token = await this.accessToken();
    const base = this.config.sheetsApiUrl.replace(/\/$/, '');
    const url = `${base}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${encodeURIComponent(range)}?majorDimension=ROWS&valueRenderOption=FORMATTED_VALUE`;
    const raw = `${destination}.json`;
    try {
      const download = await downloadToFile(url, new Headers({ authorization: `Bearer ${token}`, accept: 'application/json' }), raw, this.limits);
      if (download.kind !== 'downloaded') throw new Error(`GET ${url} answered 304 to a request without validators`);
      const values = parseValues(await readFile(raw, 'utf8'), url);
      const csv = Buffer.from(valuesToCsv(values), 'utf8');
      await writeFile(destination, csv);
      return { path: destination, sizeBytes: csv.length, contentHash: createHash('sha256').update(csv).digest('hex') };
    } finally {
      await rm(raw, { force: true });
    }
  }

  private async accessToken(): Promise<string> {
    this.client ??= this.authorise();
    const client = await this.client.catch((e: unknown) => {
      this.client = null;
      throw e;
    });
    try {
      const { token } = await client.getAccessToken();
      if (!token) throw new Error('the token endpoint answered without an access token');
      return token;
    } catch (e) {
      throw authError(`The service account ${client.email} could not get an access token from ${this.config.tokenUrl}: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  private async authorise(): Promise<JWT> {
    const file = this.config.serviceAccountKeyFile;
    if (!file) throw authError('No Google service-account key is configured: set GOOGLE_SERVICE_ACCOUNT_KEY_FILE to the JSON key file of a service account the sheet is shared with');
    let key: { client_email?: unknown; private_key?: unknown };
    try {
      key = JSON.parse(await readFile(file, 'utf8')) as typeof key;
    } catch (e) {
      throw authError(`GOOGLE_SERVICE_ACCOUNT_KEY_FILE (${file}) could not be read as JSON: ${e instanceof Error ? e.message : String(e)}`, e);
    }
    if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string')
      throw authError(`GOOGLE_SERVICE_ACCOUNT_KEY_FILE (${file}) is not a service-account key: it needs client_email and private_key`);
    // Loaded on the first Sheets API fetch: ~15 MiB that a workbench without such a connector does not need.
    const { JWT } = await import('google-auth-library');
    const client = new JWT({ email: key.client_email, key: key.private_key, scopes: [READ_ONLY_SCOPE] });
    const tokenUrl = this.config.tokenUrl;
    if (tokenUrl !== GOOGLE_TOKEN_URL)
      client.transporter.interceptors.request.add({
        resolved: async (options) => {
          if (options.url.href === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
          return options;
        },
      });
    return client;
  }
}

function parseValues(text: string, url: string): unknown[][] {
  try {
    const values = (JSON.parse(text) as { values?: unknown }).values ?? [];
    if (Array.isArray(values) && values.every(Array.isArray)) return values as unknown[][];
  } catch {
    // answered below
  }
  throw new DomainError({ code: 'CONNECTOR.SOURCE_BAD_ANSWER', kind: 'unavailable', message: `GET ${url} did not answer a Sheets ValueRange (values: rows of cells)` });
}

const authError = (message: string, cause?: unknown) => new DomainError({ code: 'CONNECTOR.GOOGLE_AUTH', kind: 'precondition', message, cause });
