import type { SourceKind } from './connector-draft';

/** Each kind of source: its name in the form, in a word or two for dense tables, and what it needs. */
export const SOURCE_KINDS = {
  http: { label: 'HTTP(S) file — CSV, TSV, JSON, NDJSON, Excel, Parquet', short: 'HTTP', hint: 'Fetched with a conditional GET: ETag / Last-Modified tell an unchanged file without downloading it.' },
  'google-sheets-csv': {
    label: 'Google Sheets — shared link (CSV export)',
    short: 'Sheets link',
    hint: 'A sheet shared with “anyone with the link” (or published): its CSV export is fetched.',
  },
  'google-sheets-api': {
    label: 'Google Sheets — API (service account)',
    short: 'Sheets API',
    hint: 'Read through the Sheets API as the server’s service account (GOOGLE_SERVICE_ACCOUNT_KEY_FILE): share the sheet with it.',
  },
} as const satisfies Record<SourceKind, { label: string; short: string; hint: string }>;
