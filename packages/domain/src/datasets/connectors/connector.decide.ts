import { conflict, invalid, notFound, type FieldIssue } from '../../shared/errors';
import { stableJson } from '../../shared/stable-hash';
import { branchNameIssues, datasetIdIssues } from '../dataset/dataset-names';
import type { ConnectorCommand } from './connector.commands';
import type { ConnectorDefinition, ConnectorEvent } from './connector.events';
import type { ConnectorState } from './connector.state';
import { cronIssues, timezoneIssues } from './connector-schedule';

/** Decides a connector command on the connector's state: the events to append, or a DomainError saying why not. */
export function decideConnector(command: ConnectorCommand, state: ConnectorState): ConnectorEvent[] {
  if (command.type === 'CreateConnector') {
    if (state.exists) throw conflict('CONNECTOR.ALREADY_EXISTS', `Connector ${command.data.connectorId} already exists`, { connectorId: command.data.connectorId });
    expectValidDefinition(command.data.definition);
    return [{ type: 'ConnectorCreated', data: command.data }];
  }
  if (!state.exists || state.deleted) throw notFound('CONNECTOR.NOT_FOUND', 'There is no such connector');
  expectSeq(state, command.data.expectedSeq);
  switch (command.type) {
    case 'UpdateConnector': {
      const changes = Object.fromEntries(
        Object.entries(command.data.changes).filter(([k, v]) => v !== undefined && stableJson(v) !== stableJson(state.definition[k as keyof ConnectorDefinition])),
      ) as Partial<ConnectorDefinition>;
      if (Object.keys(changes).length === 0) return [];
      expectValidDefinition({ ...state.definition, ...changes });
      return [{ type: 'ConnectorUpdated', data: { changes } }];
    }
    case 'PauseConnector':
      return state.enabled ? [{ type: 'ConnectorPaused', data: {} }] : [];
    case 'ResumeConnector':
      return state.enabled ? [] : [{ type: 'ConnectorResumed', data: {} }];
    case 'DeleteConnector':
      return [{ type: 'ConnectorDeleted', data: {} }];
    default: {
      const unknown: never = command;
      throw invalid('CONNECTOR.UNKNOWN_COMMAND', `Unknown connector command ${(unknown as { type: string }).type}`);
    }
  }
}

/** What zod cannot see: the target's names, the cron expression and the time zone. */
export function definitionIssues(d: ConnectorDefinition): FieldIssue[] {
  return [
    ...datasetIdIssues(d.datasetId),
    ...branchNameIssues(d.branch),
    ...(d.schedule === null ? [] : cronIssues(d.schedule)),
    ...timezoneIssues(d.timezone),
  ];
}

export function expectValidDefinition(d: ConnectorDefinition): void {
  const issues = definitionIssues(d);
  if (issues.length) throw invalid('CONNECTOR.INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

function expectSeq(state: ConnectorState, expected: number | undefined): void {
  if (expected === undefined || expected === state.seq) return;
  throw conflict('CONNECTOR.STALE', `The connector changed since it was read: it is at seq ${state.seq}, not ${expected}`, {
    connectorId: state.connectorId,
    currentSeq: state.seq,
  });
}
