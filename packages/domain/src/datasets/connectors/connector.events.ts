import type { ReadOptions } from '../ingest/tabular-source.port';
import type { ConnectorSource } from './connector-source';

/** The connector aggregate's stream: one stream per connector. */
export const CONNECTOR_AGGREGATE = 'dataset-connector';
export const CONNECTOR_EVENT_SCHEMA_VERSION = 1;

/** Everything a user sets on a connector: where it reads, how, where the data goes and when. */
export interface ConnectorDefinition {
  readonly name: string;
  readonly description: string;
  readonly datasetId: string;
  readonly branch: string;
  readonly source: ConnectorSource;
  readonly options: ReadOptions;
  /** A five-field cron expression or an alias (@hourly); null: the connector runs only when asked to. */
  readonly schedule: string | null;
  /** The IANA time zone the schedule is read in. */
  readonly timezone: string;
}

export type ConnectorEvent =
  | { readonly type: 'ConnectorCreated'; readonly data: { readonly connectorId: string; readonly definition: ConnectorDefinition; readonly enabled: boolean } }
  /** Only the fields that changed. */
  | { readonly type: 'ConnectorUpdated'; readonly data: { readonly changes: Partial<ConnectorDefinition> } }
  | { readonly type: 'ConnectorPaused'; readonly data: Record<string, never> }
  | { readonly type: 'ConnectorResumed'; readonly data: Record<string, never> }
  | { readonly type: 'ConnectorDeleted'; readonly data: Record<string, never> };

export interface RecordedConnectorMetadata {
  readonly sequenceNumber: number;
  readonly actor: string;
  readonly occurredAt: string;
}

export type RecordedConnectorEvent = ConnectorEvent & { readonly metadata: RecordedConnectorMetadata };
