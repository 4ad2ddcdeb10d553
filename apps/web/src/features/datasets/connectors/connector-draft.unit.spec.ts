import { describe, expect, it } from 'vitest';
import type { Connector } from '../model/dataset-types';
import { changedFields, createRequest, draftFromConnector, emptyDraft, suggestedName } from './connector-draft';

const connector = (over: Partial<Connector>): Connector => ({
  connectorId: 'conn_1',
  name: 'Fleet feed',
  description: '',
  datasetId: 'fleet',
  branch: 'main',
  source: { kind: 'http', url: 'https://ops.example.com/fleet.csv', headers: [{ name: 'Authorization', secret: 'FLEET_TOKEN' }, { name: 'Accept', value: 'text/csv' }] },
  sourceLabel: 'https://ops.example.com/fleet.csv',
  options: { badRows: 'fail', delimiter: ';' },
  schedule: '*/15 * * * *',
  timezone: 'Asia/Seoul',
  enabled: true,
  createdBy: 'ada',
  createdAt: '2026-11-26T00:00:00Z',
  updatedBy: 'ada',
  updatedAt: '2026-11-26T00:00:00Z',
  nextRunAt: null,
  lastRun: null,
  seq: 3,
  ...over,
});

describe('createRequest', () => {
  it('sends an HTTP source with literal headers and headers that name a secret', () => {
    const draft = {
      ...emptyDraft('main'),
      name: '  Fleet feed ',
      url: ' https://ops.example.com/fleet.csv ',
      headers: [
        { name: 'Authorization', mode: 'secret' as const, text: ' FLEET_TOKEN ' },
        { name: 'Accept', mode: 'value' as const, text: 'text/csv' },
      ],
    };
    expect(createRequest(draft, 'fleet')).toEqual({
      name: 'Fleet feed',
      description: '',
      datasetId: 'fleet',
      branch: 'main',
      source: { kind: 'http', url: 'https://ops.example.com/fleet.csv', headers: [{ name: 'Authorization', secret: 'FLEET_TOKEN' }, { name: 'Accept', value: 'text/csv' }] },
      options: { badRows: 'fail' },
      schedule: null,
      timezone: 'UTC',
      enabled: true,
    });
  });

  it('sends a sheet link as url and a bare id as spreadsheetId, with the gid only when one is given', () => {
    const link = 'https://docs.google.com/spreadsheets/d/1portsSheetAbCdEfGhIj/edit#gid=7';
    expect(createRequest({ ...emptyDraft('main'), kind: 'google-sheets-csv', sheet: link }, 'ports').source).toEqual({ kind: 'google-sheets-csv', url: link });
    expect(createRequest({ ...emptyDraft('main'), kind: 'google-sheets-csv', sheet: '1portsSheetAbCdEfGhIj', gid: '7' }, 'ports').source).toEqual({
      kind: 'google-sheets-csv',
      spreadsheetId: '1portsSheetAbCdEfGhIj',
      gid: '7',
    });
    expect(createRequest({ ...emptyDraft('main'), kind: 'google-sheets-api', sheet: '1portsSheetAbCdEfGhIj', range: " 'Q3 fleet'!A:D " }, 'ports').source).toEqual({
      kind: 'google-sheets-api',
      spreadsheetId: '1portsSheetAbCdEfGhIj',
      range: "'Q3 fleet'!A:D",
    });
  });

  it('leaves the file format of an HTTP source out of a sheet, which always arrives as CSV', () => {
    const draft = { ...emptyDraft('main'), kind: 'google-sheets-csv' as const, sheet: '1portsSheetAbCdEfGhIj', options: { badRows: 'skip' as const, format: 'json' as const, encoding: 'utf-8' } };
    expect(createRequest(draft, 'ports').options).toEqual({ badRows: 'skip', encoding: 'utf-8' });
  });
});

describe('changedFields', () => {
  it('finds nothing changed in a connector opened for editing and left alone, whatever its source', () => {
    const sources: Connector['source'][] = [
      connector({}).source,
      { kind: 'google-sheets-csv', spreadsheetId: '1portsSheetAbCdEfGhIj', gid: '0' },
      { kind: 'google-sheets-api', spreadsheetId: '1portsSheetAbCdEfGhIj', range: 'Sheet1!A1:F' },
    ];
    for (const source of sources) {
      const c = connector({ source, options: source.kind === 'http' ? { badRows: 'fail', delimiter: ';' } : { badRows: 'fail' } });
      expect(changedFields(draftFromConnector(c), c)).toEqual({});
    }
  });

  it('sends only what the user changed, an unscheduled connector as null', () => {
    const c = connector({});
    expect(changedFields({ ...draftFromConnector(c), schedule: '', name: 'Fleet feed (hourly)' }, c)).toEqual({ schedule: null, name: 'Fleet feed (hourly)' });
  });
});

describe('suggestedName', () => {
  it('names a connector after the file its URL points at, else after the host', () => {
    expect(suggestedName('https://ops.example.com/exports/fleet%20list.csv?x=1')).toBe('fleet list');
    expect(suggestedName('http://127.0.0.1:4711/')).toBe('127.0.0.1');
    expect(suggestedName('not a url')).toBe('');
  });
});
