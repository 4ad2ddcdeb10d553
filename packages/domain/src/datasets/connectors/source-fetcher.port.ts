import type { ReceivedFile } from '../../application/dataset-ingest-service';
import type { ConnectorSource } from './connector-source';

/** What the last fetch that landed said about the source: sent back as If-None-Match / If-Modified-Since. */
export interface SourceValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchResult =
  /** The source answered 304 Not Modified to the validators. */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'fetched'; readonly file: ReceivedFile; readonly etag: string | null; readonly lastModified: string | null };

/**
 * Reads a connector's source into a local file, streaming (the file may be large), hashing on the way. A
 * source that fails answers a DomainError naming it: CONNECTOR.SOURCE_HTTP_ERROR (the status and URL),
 * CONNECTOR.SOURCE_UNREACHABLE, CONNECTOR.SOURCE_TIMEOUT, CONNECTOR.SOURCE_TOO_LARGE, CONNECTOR.SECRET_MISSING,
 * CONNECTOR.GOOGLE_AUTH (no or a refused service-account key).
 */
export interface SourceFetcher {
  fetch(source: ConnectorSource, previous: SourceValidators | null, destination: string): Promise<FetchResult>;
}
