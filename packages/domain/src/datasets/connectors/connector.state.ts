import type { ConnectorDefinition, RecordedConnectorEvent } from './connector.events';

export interface ConnectorState {
  readonly exists: boolean;
  readonly deleted: boolean;
  readonly connectorId: string;
  readonly definition: ConnectorDefinition;
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /**
   * The seq of the last change to what is fetched or where it goes (source, read options, dataset, branch): a
   * fetch made before it says nothing about the source now, so its ETag and hash are not compared against.
   */
  readonly revision: number;
  /** When the schedule started counting: created, rescheduled or resumed. Slots before it are not owed a run. */
  readonly scheduleAnchor: string;
  readonly seq: number;
}

export const initialConnectorState: ConnectorState = {
  exists: false,
  deleted: false,
  connectorId: '',
  definition: { name: '', description: '', datasetId: '', branch: '', source: { kind: 'http', url: '', headers: [] }, options: { badRows: 'fail' }, schedule: null, timezone: 'UTC' },
  enabled: false,
  createdBy: '',
  createdAt: '',
  updatedBy: '',
  updatedAt: '',
  revision: 0,
  scheduleAnchor: '',
  seq: 0,
};

const FETCH_FIELDS: readonly (keyof ConnectorDefinition)[] = ['source', 'options', 'datasetId', 'branch'];
const SCHEDULE_FIELDS: readonly (keyof ConnectorDefinition)[] = ['schedule', 'timezone'];

export function evolveConnector(state: ConnectorState, event: RecordedConnectorEvent): ConnectorState {
  const { actor, occurredAt, sequenceNumber: seq } = event.metadata;
  const touched = { updatedBy: actor, updatedAt: occurredAt, seq };
  switch (event.type) {
    case 'ConnectorCreated':
      return {
        ...state,
        ...touched,
        exists: true,
        connectorId: event.data.connectorId,
        definition: event.data.definition,
        enabled: event.data.enabled,
        createdBy: actor,
        createdAt: occurredAt,
        revision: seq,
        scheduleAnchor: occurredAt,
      };
    case 'ConnectorUpdated': {
      const changed = Object.keys(event.data.changes) as (keyof ConnectorDefinition)[];
      return {
        ...state,
        ...touched,
        definition: { ...state.definition, ...event.data.changes },
        revision: changed.some((k) => FETCH_FIELDS.includes(k)) ? seq : state.revision,
        scheduleAnchor: changed.some((k) => SCHEDULE_FIELDS.includes(k)) ? occurredAt : state.scheduleAnchor,
      };
    }
    case 'ConnectorPaused':
      return { ...state, ...touched, enabled: false };
    case 'ConnectorResumed':
      return { ...state, ...touched, enabled: true, scheduleAnchor: occurredAt };
    case 'ConnectorDeleted':
      return { ...state, ...touched, deleted: true, enabled: false };
  }
}
