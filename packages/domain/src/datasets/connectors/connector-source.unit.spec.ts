import { describe, expect, it } from 'vitest';
import { describeSource, parseSheetsUrl, sheetsCsvExportUrl, sourceFileName, ZConnectorSourceInput } from './connector-source';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

const issues = (input: unknown) => {
  const parsed = ZConnectorSourceInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('connector sources', () => {
  it('an http source keeps plain headers and refuses a credential given by value', () => {
    expect(ZConnectorSourceInput.parse({ kind: 'http', url: 'https://fleet.example/ships.csv', headers: [{ name: 'Accept', value: 'text/csv' }] })).toEqual({
      kind: 'http',
      url: 'https://fleet.example/ships.csv',
      headers: [{ name: 'Accept', value: 'text/csv' }],
    });
    expect(issues({ kind: 'http', url: 'https://fleet.example/ships.csv', headers: [{ name: 'Authorization', value: 'Bearer abc' }] })).toEqual([
      { path: 'headers.0.value', message: 'header "Authorization" carries a credential: give the name of a secret configured in CONNECTOR_SECRETS instead of its value' },
    ]);
    expect(issues({ kind: 'http', url: 'ftp://fleet.example/ships.csv' })).toEqual([{ path: 'url', message: 'must be an http:// or https:// URL' }]);
  });

  it('a sheet link becomes its spreadsheet id and gid', () => {
    expect(parseSheetsUrl(`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=1234`)).toEqual({ spreadsheetId: ID, gid: '1234' });
    expect(parseSheetsUrl(`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`)).toEqual({ spreadsheetId: ID, gid: null });
    expect(parseSheetsUrl('https://docs.google.com/spreadsheets/d/e/2PACX-1vabc/pub?output=csv')).toBeNull();
    expect(ZConnectorSourceInput.parse({ kind: 'google-sheets-csv', url: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=77` })).toEqual({
      kind: 'google-sheets-csv',
      spreadsheetId: ID,
      gid: '77',
    });
    expect(ZConnectorSourceInput.parse({ kind: 'google-sheets-csv', spreadsheetId: ID })).toEqual({ kind: 'google-sheets-csv', spreadsheetId: ID, gid: '0' });
    expect(sheetsCsvExportUrl(ID, '77')).toBe(`https://docs.google.com/spreadsheets/d/${ID}/export?format=csv&gid=77`);
  });

  it('says which of link and id is wrong', () => {
    expect(issues({ kind: 'google-sheets-csv', url: 'https://example.com/sheet' })).toEqual([
      {
        path: 'url',
        message: 'must be a Google Sheets link such as https://docs.google.com/spreadsheets/d/<id>/edit#gid=0 (a "published to the web" /d/e/… link is an http connector)',
      },
    ]);
    expect(issues({ kind: 'google-sheets-api', range: 'Sheet1!A1:C' })).toEqual([{ path: 'spreadsheetId', message: 'give either the sheet link (url) or its spreadsheetId, not both' }]);
    expect(issues({ kind: 'google-sheets-api', spreadsheetId: ID, range: 'Sheet1!A1:1:2' })).toEqual([
      { path: 'range', message: "must be an A1 range such as Sheet1!A1:F or 'Q3 fleet'!A:D" },
    ]);
  });

  it('an API source takes an A1 range with or without a sheet name', () => {
    for (const range of ['Sheet1!A1:F', "'Q3 fleet'!A:D", 'B2:H200', 'Fleet', 'Sheet1!1:5'])
      expect(ZConnectorSourceInput.parse({ kind: 'google-sheets-api', spreadsheetId: ID, range })).toEqual({ kind: 'google-sheets-api', spreadsheetId: ID, range });
    expect(describeSource({ kind: 'google-sheets-api', spreadsheetId: ID, range: 'Fleet' })).toBe(`Google Sheets API: ${ID} Fleet`);
  });

  it('the file is ingested under the URL name when it has an extension', () => {
    expect(sourceFileName('conn_1', { kind: 'http', url: 'https://fleet.example/exports/ships%202026.csv?x=1', headers: [] })).toBe('ships 2026.csv');
    expect(sourceFileName('conn_1', { kind: 'http', url: 'https://fleet.example/api/ships', headers: [] })).toBe('conn_1');
    expect(sourceFileName('conn_1', { kind: 'google-sheets-csv', spreadsheetId: ID, gid: '0' })).toBe(`${ID}.csv`);
  });
});
