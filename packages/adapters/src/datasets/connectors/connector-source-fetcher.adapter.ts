import { DomainError, sheetsCsvExportUrl, type ConnectorSource, type FetchResult, type SourceFetcher, type SourceValidators } from '@spice/domain';
import { downloadToFile, type DownloadLimits } from './download-to-file';
import { EgressGuard } from './egress-guard';
import { parseNetworks } from './networks';
import { GoogleSheetsValuesReader, type GoogleSheetsApiConfig } from './google-sheets-values';

export interface ConnectorFetcherConfig extends Omit<DownloadLimits, 'dispatcher'> {
  /** Values of the secrets headers name. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Internal networks (loopback, private, link-local) connectors may reach all the same: CONNECTOR_ALLOWED_NETWORKS. */
  readonly allowedNetworks: readonly string[];
  readonly google: GoogleSheetsApiConfig & { readonly docsUrl: string };
}

/**
 * Fetches every kind of connector source: an HTTP(S) file and a sheet's CSV export over a conditional GET (the
 * last ETag / Last-Modified sent back, 304 = unchanged), a sheet through the Sheets API (no validators there:
 * change is told by the content hash).
 */
export class ConnectorSourceFetcher implements SourceFetcher {
  private readonly sheetsApi: GoogleSheetsValuesReader;
  private readonly limits: DownloadLimits;

  constructor(private readonly config: ConnectorFetcherConfig) {
    const egress = new EgressGuard(parseNetworks(config.allowedNetworks));
    this.limits = { timeoutMs: config.timeoutMs, maxBytes: config.maxBytes, dispatcher: egress.agent() };
    this.sheetsApi = new GoogleSheetsValuesReader(config.google, this.limits);
  }

  async fetch(source: ConnectorSource, previous: SourceValidators | null, destination: string): Promise<FetchResult> {
    switch (source.kind) {
      case 'http':
        return this.conditionalGet(source.url, this.headers(source.headers), previous, destination);
      case 'google-sheets-csv':
        return this.conditionalGet(sheetsCsvExportUrl(source.spreadsheetId, source.gid, this.config.google.docsUrl), new Headers(), previous, destination);
      case 'google-sheets-api':
        return { kind: 'fetched', file: await this.sheetsApi.readCsv(source.spreadsheetId, source.range, destination), etag: null, lastModified: null };
    }
  }

  private async conditionalGet(url: string, headers: Headers, previous: SourceValidators | null, destination: string): Promise<FetchResult> {
    if (previous?.etag) headers.set('if-none-match', previous.etag);
    if (previous?.lastModified) headers.set('if-modified-since', previous.lastModified);
    const download = await downloadToFile(url, headers, destination, this.limits);
    return download.kind === 'not-modified' ? { kind: 'unchanged' } : { kind: 'fetched', file: download.file, etag: download.etag, lastModified: download.lastModified };
  }

  private headers(given: Extract<ConnectorSource, { kind: 'http' }>['headers']): Headers {
    const headers = new Headers();
    for (const header of given) {
      if ('value' in header) {
        headers.set(header.name, header.value);
        continue;
      }
      const value = this.config.secrets[header.secret];
      if (value === undefined)
        throw new DomainError({
          code: 'CONNECTOR.SECRET_MISSING',
          kind: 'precondition',
          message: `Header "${header.name}" names the secret "${header.secret}", which is not configured: add it to CONNECTOR_SECRETS`,
          context: { header: header.name, secret: header.secret },
        });
      headers.set(header.name, value);
    }
    return headers;
  }
}
