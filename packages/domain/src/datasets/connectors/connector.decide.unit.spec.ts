import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ConnectorCommand } from './connector.commands';
import { decideConnector } from './connector.decide';
import type { ConnectorDefinition, ConnectorEvent, RecordedConnectorEvent } from './connector.events';
import { evolveConnector, initialConnectorState, type ConnectorState } from './connector.state';

const at = (seq: number) => `2026-01-01T00:0${seq}:00.000Z`;
const evolve = (s: ConnectorState, e: ConnectorEvent) =>
  evolveConnector(s, { ...e, metadata: { sequenceNumber: s.seq + 1, actor: 'ada@spice.local', occurredAt: at(s.seq + 1) } } as RecordedConnectorEvent);
const spec = deciderSpec<ConnectorCommand, ConnectorEvent, ConnectorState>({ decide: decideConnector, evolve, initial: initialConnectorState });

const definition: ConnectorDefinition = {
  name: 'Fleet feed',
  description: '',
  datasetId: 'ships',
  branch: 'main',
  source: { kind: 'http', url: 'https://fleet.example/ships.csv', headers: [{ name: 'Authorization', secret: 'FLEET_TOKEN' }] },
  options: { badRows: 'fail' },
  schedule: '*/15 * * * *',
  timezone: 'UTC',
};
const created: ConnectorEvent = { type: 'ConnectorCreated', data: { connectorId: 'conn_1', definition, enabled: true } };
const paused: ConnectorEvent = { type: 'ConnectorPaused', data: {} };
const deleted: ConnectorEvent = { type: 'ConnectorDeleted', data: {} };
const create = (over: Partial<ConnectorDefinition> = {}): ConnectorCommand => ({ type: 'CreateConnector', data: { connectorId: 'conn_1', definition: { ...definition, ...over }, enabled: true } });
const fold = (events: ConnectorEvent[]) => events.reduce(evolve, initialConnectorState);

describe('creating a connector', () => {
  it('creates it once', () => {
    spec.given([]).when(create()).then([created]);
    spec
      .given([created])
      .when(create())
      .thenThrows('CONNECTOR.ALREADY_EXISTS', (e) => expect(e.message).toBe('Connector conn_1 already exists'));
  });

  it('names the schedule field for a bad cron expression', () => {
    spec
      .given([])
      .when(create({ schedule: '61 * * * *' }))
      .thenThrows('CONNECTOR.INVALID_INPUT', (e) => {
        expect(e.kind).toBe('invalid');
        expect(e.issues).toEqual([
          {
            path: 'schedule',
            rule: 'cron',
            message: '"61 * * * *" is not a valid cron schedule: Constraint error, got value 61 expected range 0-59 (e.g. "*/15 * * * *" for every 15 minutes, or @daily)',
          },
        ]);
        expect(e.message).toBe(`schedule: ${e.issues[0]!.message}`);
      });
    spec
      .given([])
      .when(create({ schedule: '* * * * * *' }))
      .thenThrows('CONNECTOR.INVALID_INPUT', (e) =>
        expect(e.issues[0]!.message).toBe(
          '"* * * * * *" is not a valid cron schedule: it has 6 field(s), five are needed (minute hour day-of-month month day-of-week) (e.g. "*/15 * * * *" for every 15 minutes, or @daily)',
        ),
      );
  });

  it('names every other field at fault: dataset id, branch, time zone', () => {
    spec
      .given([])
      .when(create({ datasetId: 'Ships!', branch: 'Main Line', timezone: 'Mars/Olympus' }))
      .thenThrows('CONNECTOR.INVALID_INPUT', (e) => {
        expect(e.issues.map((i) => [i.path, i.rule])).toEqual([
          ['datasetId', 'dataset-id'],
          ['branch', 'branch-name'],
          ['timezone', 'timezone'],
        ]);
        expect(e.issues[2]!.message).toBe('"Mars/Olympus" is not a time zone: use an IANA name such as UTC or Asia/Seoul');
      });
  });

  it('a connector without a schedule runs only when asked', () => {
    spec.given([]).when(create({ schedule: null })).then([{ type: 'ConnectorCreated', data: { connectorId: 'conn_1', definition: { ...definition, schedule: null }, enabled: true } }]);
  });
});

describe('updating a connector', () => {
  it('records only the fields that changed; a change to nothing changes nothing', () => {
    spec
      .given([created])
      .when({ type: 'UpdateConnector', data: { changes: { name: 'Fleet feed', schedule: '@hourly' } } })
      .then([{ type: 'ConnectorUpdated', data: { changes: { schedule: '@hourly' } } }]);
    spec.given([created]).when({ type: 'UpdateConnector', data: { changes: { name: 'Fleet feed', source: definition.source } } }).then([]);
  });

  it('checks the connector as it would be after the change', () => {
    spec
      .given([created])
      .when({ type: 'UpdateConnector', data: { changes: { schedule: 'every day' } } })
      .thenThrows('CONNECTOR.INVALID_INPUT', (e) => expect(e.issues[0]!.path).toBe('schedule'));
  });

  it('refuses an edit of a stale copy, naming the current seq', () => {
    spec
      .given([created, paused])
      .when({ type: 'UpdateConnector', data: { changes: { name: 'Renamed' }, expectedSeq: 1 } })
      .thenThrows('CONNECTOR.STALE', (e) => {
        expect(e.kind).toBe('conflict');
        expect(e.message).toBe('The connector changed since it was read: it is at seq 2, not 1');
        expect(e.context).toEqual({ connectorId: 'conn_1', currentSeq: 2 });
      });
  });

  it('a new source, target or read options start a new revision; a new name or schedule do not', () => {
    const renamed = fold([created, { type: 'ConnectorUpdated', data: { changes: { name: 'Fleet' } } }]);
    expect(renamed).toMatchObject({ revision: 1, scheduleAnchor: at(1) });
    const rescheduled = fold([created, { type: 'ConnectorUpdated', data: { changes: { schedule: '@daily' } } }]);
    expect(rescheduled).toMatchObject({ revision: 1, scheduleAnchor: at(2) });
    const moved = fold([created, { type: 'ConnectorUpdated', data: { changes: { source: { kind: 'google-sheets-csv', spreadsheetId: 'abcdefghijklmnop', gid: '0' } } } }]);
    expect(moved).toMatchObject({ revision: 2, scheduleAnchor: at(1) });
  });
});

describe('pausing, resuming and deleting', () => {
  it('pauses and resumes; saying it twice changes nothing', () => {
    spec.given([created]).when({ type: 'PauseConnector', data: {} }).then([paused]);
    spec.given([created, paused]).when({ type: 'PauseConnector', data: {} }).then([]);
    spec.given([created, paused]).when({ type: 'ResumeConnector', data: {} }).then([{ type: 'ConnectorResumed', data: {} }]);
    spec.given([created]).when({ type: 'ResumeConnector', data: {} }).then([]);
  });

  it('a resumed schedule counts from the resume: slots missed while paused are not owed', () => {
    const state = fold([created, paused, { type: 'ConnectorResumed', data: {} }]);
    expect(state).toMatchObject({ enabled: true, scheduleAnchor: at(3) });
  });

  it('a deleted connector is gone for every command, and its id is not reused', () => {
    spec.given([created]).when({ type: 'DeleteConnector', data: {} }).then([deleted]);
    spec
      .given([created, deleted])
      .when({ type: 'ResumeConnector', data: {} })
      .thenThrows('CONNECTOR.NOT_FOUND', (e) => expect(e.message).toBe('There is no such connector'));
    spec.given([created, deleted]).when(create()).thenThrows('CONNECTOR.ALREADY_EXISTS');
  });
});
