import { stableJson } from '@spice/domain';
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/app.router';
import type { Connector, ReadOptions } from '../model/dataset-types';

type Inputs = inferRouterInputs<AppRouter>['datasets']['connectors'];
export type CreateConnectorRequest = Omit<Inputs['create'], 'commandId'>;
export type ConnectorChanges = Omit<Inputs['update'], 'connectorId' | 'commandId' | 'expectedSeq'>;
type SourceRequest = CreateConnectorRequest['source'];

export type SourceKind = Connector['source']['kind'];

/** A header row as edited: its value is either sent as is, or is the name of a secret the server holds. */
export interface HeaderDraft {
  readonly name: string;
  readonly mode: 'value' | 'secret';
  readonly text: string;
}

/** The connector form as the user fills it: plain strings, turned into the API's shape on submit. */
export interface ConnectorDraft {
  readonly name: string;
  readonly description: string;
  readonly branch: string;
  readonly kind: SourceKind;
  /** http: the file's URL. */
  readonly url: string;
  readonly headers: readonly HeaderDraft[];
  /** Google Sheets: the sheet's link or its spreadsheet id. */
  readonly sheet: string;
  /** Google Sheets CSV export: the tab's gid; empty takes the link's, else the first tab. */
  readonly gid: string;
  /** Google Sheets API: the A1 range. */
  readonly range: string;
  readonly options: ReadOptions;
  /** Empty: runs only when asked to. */
  readonly schedule: string;
  readonly timezone: string;
  /** At create: false makes it paused. */
  readonly enabled: boolean;
}

export function emptyDraft(branch: string): ConnectorDraft {
  return {
    name: '',
    description: '',
    branch,
    kind: 'http',
    url: '',
    headers: [],
    sheet: '',
    gid: '',
    range: '',
    options: { badRows: 'fail' },
    schedule: '',
    timezone: 'UTC',
    enabled: true,
  };
}

export function draftFromConnector(c: Connector): ConnectorDraft {
  const base = { ...emptyDraft(c.branch), name: c.name, description: c.description, options: c.options, schedule: c.schedule ?? '', timezone: c.timezone, enabled: c.enabled };
  const s = c.source;
  switch (s.kind) {
    case 'http':
      return { ...base, kind: s.kind, url: s.url, headers: s.headers.map((h) => ('secret' in h ? { name: h.name, mode: 'secret', text: h.secret } : { name: h.name, mode: 'value', text: h.value })) };
    case 'google-sheets-csv':
      return { ...base, kind: s.kind, sheet: s.spreadsheetId, gid: s.gid };
    case 'google-sheets-api':
      return { ...base, kind: s.kind, sheet: s.spreadsheetId, range: s.range };
  }
}

/** A sheet given by its link is sent as `url` (the server reads the id and gid from it), else as its id. */
const sheetTarget = (sheet: string) => (/^https?:\/\//i.test(sheet.trim()) ? { url: sheet.trim() } : { spreadsheetId: sheet.trim() });

export function sourceRequest(d: ConnectorDraft): SourceRequest {
  switch (d.kind) {
    case 'http':
      return { kind: 'http', url: d.url.trim(), headers: d.headers.map((h) => (h.mode === 'secret' ? { name: h.name.trim(), secret: h.text.trim() } : { name: h.name.trim(), value: h.text })) };
    case 'google-sheets-csv':
      return { kind: 'google-sheets-csv', ...sheetTarget(d.sheet), ...(d.gid.trim() ? { gid: d.gid.trim() } : {}) };
    case 'google-sheets-api':
      return { kind: 'google-sheets-api', ...sheetTarget(d.sheet), range: d.range.trim() };
  }
}

/** A sheet always arrives as CSV, so the file format chosen for an HTTP source does not travel with it. */
function optionsFor(kind: SourceKind, options: ReadOptions): ReadOptions {
  if (kind === 'http') return options;
  const { format: _format, sheet: _sheet, range: _range, nested: _nested, ...csv } = options;
  return csv;
}

export function createRequest(d: ConnectorDraft, datasetId: string): CreateConnectorRequest {
  return {
    name: d.name.trim(),
    description: d.description,
    datasetId,
    branch: d.branch,
    source: sourceRequest(d),
    options: optionsFor(d.kind, d.options),
    schedule: d.schedule.trim() || null,
    timezone: d.timezone.trim(),
    enabled: d.enabled,
  };
}

/** The fields the draft changes on the connector: an edit sends only these, so it says what it meant to change. */
export function changedFields(d: ConnectorDraft, c: Connector): ConnectorChanges {
  const { datasetId: _datasetId, enabled: _enabled, ...next } = createRequest(d, c.datasetId);
  const current: Record<keyof typeof next, unknown> = {
    name: c.name,
    description: c.description,
    branch: c.branch,
    source: c.source,
    options: c.options,
    schedule: c.schedule,
    timezone: c.timezone,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => stableJson(value) !== stableJson(current[key as keyof typeof next]))) as ConnectorChanges;
}

/** A name to start from: the file the URL points at ("fleet.csv" → "fleet"), else its host. */
export function suggestedName(url: string): string {
  if (!URL.canParse(url.trim())) return '';
  const { pathname, hostname } = new URL(url.trim());
  const file = decodeURIComponent(pathname.split('/').pop() ?? '').replace(/\.[A-Za-z0-9]{1,8}$/, '');
  return file || hostname;
}
