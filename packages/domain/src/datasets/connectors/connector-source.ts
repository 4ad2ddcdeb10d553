import { z } from 'zod';

/**
 * Where a connector reads from. Secrets never live here: a header that carries one (Authorization, a token,
 * an API key) names a secret the operator configured (CONNECTOR_SECRETS), and the fetcher looks it up.
 */
export type ConnectorHeader = { readonly name: string; readonly value: string } | { readonly name: string; readonly secret: string };

export type ConnectorSource =
  | { readonly kind: 'http'; readonly url: string; readonly headers: readonly ConnectorHeader[] }
  /** The sheet's CSV export (a sheet shared "anyone with the link", or published). */
  | { readonly kind: 'google-sheets-csv'; readonly spreadsheetId: string; readonly gid: string }
  /** Sheets API v4 values.get, as the configured service account. */
  | { readonly kind: 'google-sheets-api'; readonly spreadsheetId: string; readonly range: string };

export type ConnectorSourceKind = ConnectorSource['kind'];

export const GOOGLE_DOCS_BASE_URL = 'https://docs.google.com';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers whose value is a credential: they must name a secret rather than carry it in the connector. */
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie)$|api[-_]?key|token|secret|password/i;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
const SPREADSHEET_ID = /^[A-Za-z0-9_-]{10,100}$/;
/**
 * An A1 range as the Sheets API takes it: `Sheet1!A1:F`, `'Q3 fleet'!A:D`, `B2:H200`, or a whole sheet by name.
 * Any text without `!` may be a sheet's name, so only a range with `!` can be checked here.
 */
const A1_RANGE = /^(('([^']|'')+'|[^'!]+)!([A-Za-z]{1,3}[0-9]{0,7}(:[A-Za-z]{1,3}[0-9]{0,7})?|[0-9]{1,7}:[0-9]{1,7})|[^!]+)$/;

const ZHttpUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL');

const ZHeader = z.union([
  z.object({ name: z.string().regex(HEADER_NAME, 'must be an HTTP header name'), value: z.string().max(4000).regex(/^[^\r\n]*$/, 'must be one line') }).strict(),
  z.object({ name: z.string().regex(HEADER_NAME, 'must be an HTTP header name'), secret: z.string().regex(SECRET_NAME, 'must name a secret, e.g. FLEET_API_TOKEN') }).strict(),
]);

const ZSpreadsheetId = z.string().trim().regex(SPREADSHEET_ID, 'must be a Google spreadsheet id (the part after /spreadsheets/d/ in its URL)');

/** A Google Sheets link: its spreadsheet id and, when the link names one, the sheet's gid. */
export function parseSheetsUrl(url: string): { spreadsheetId: string; gid: string | null } | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  const match = /^\/spreadsheets\/d\/([A-Za-z0-9_-]+)(\/|$)/.exec(parsed.pathname);
  if (parsed.hostname !== 'docs.google.com' || !match || match[1] === 'e') return null;
  const gid = parsed.searchParams.get('gid') ?? new URLSearchParams(parsed.hash.slice(1)).get('gid');
  return { spreadsheetId: match[1]!, gid: gid && /^\d+$/.test(gid) ? gid : null };
}

const SHEETS_URL_MESSAGE =
  'must be a Google Sheets link such as https://docs.google.com/spreadsheets/d/<id>/edit#gid=0 (a "published to the web" /d/e/… link is an http connector)';

const ZSheetsTarget = {
  url: z.string().trim().optional(),
  spreadsheetId: ZSpreadsheetId.optional(),
};

/** The spreadsheet a sheets input names, by link or by id; exactly one of the two. */
function sheetsTarget(input: { url?: string | undefined; spreadsheetId?: string | undefined }, ctx: z.RefinementCtx): { spreadsheetId: string; gid: string | null } | null {
  if ((input.url === undefined) === (input.spreadsheetId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['spreadsheetId'], message: 'give either the sheet link (url) or its spreadsheetId, not both' });
    return null;
  }
  if (input.spreadsheetId !== undefined) return { spreadsheetId: input.spreadsheetId, gid: null };
  const parsed = parseSheetsUrl(input.url!);
  if (!parsed) ctx.addIssue({ code: 'custom', path: ['url'], message: SHEETS_URL_MESSAGE });
  return parsed;
}

/** What a client sends: a sheet may be named by its link; it is stored as spreadsheet id (and gid). */
export const ZConnectorSourceInput = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('http'), url: ZHttpUrl, headers: z.array(ZHeader).max(20).default([]) })
    .strict()
    .superRefine((s, ctx) =>
      s.headers.forEach((h, i) => {
        if ('value' in h && CREDENTIAL_HEADER.test(h.name))
          ctx.addIssue({
            code: 'custom',
            path: ['headers', i, 'value'],
            message: `header "${h.name}" carries a credential: give the name of a secret configured in CONNECTOR_SECRETS instead of its value`,
          });
      }),
    ),
  z
    .object({ kind: z.literal('google-sheets-csv'), ...ZSheetsTarget, gid: z.string().regex(/^\d+$/, 'must be the sheet gid, digits').optional() })
    .strict()
    .transform((s, ctx) => {
      const target = sheetsTarget(s, ctx);
      return target ? { kind: s.kind, spreadsheetId: target.spreadsheetId, gid: s.gid ?? target.gid ?? '0' } : z.NEVER;
    }),
  z
    .object({ kind: z.literal('google-sheets-api'), ...ZSheetsTarget, range: z.string().trim().regex(A1_RANGE, "must be an A1 range such as Sheet1!A1:F or 'Q3 fleet'!A:D") })
    .strict()
    .transform((s, ctx) => {
      const target = sheetsTarget(s, ctx);
      return target ? { kind: s.kind, spreadsheetId: target.spreadsheetId, range: s.range } : z.NEVER;
    }),
]);
export type ConnectorSourceInput = z.input<typeof ZConnectorSourceInput>;

/** The CSV export of one sheet; `base` is Google's unless a test serves it. */
export function sheetsCsvExportUrl(spreadsheetId: string, gid: string, base = GOOGLE_DOCS_BASE_URL): string {
  return `${base.replace(/\/$/, '')}/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/export?format=csv&gid=${encodeURIComponent(gid)}`;
}

/** One line for lists and commit messages: where the data comes from. */
export function describeSource(source: ConnectorSource): string {
  switch (source.kind) {
    case 'http':
      return source.url;
    case 'google-sheets-csv':
      return sheetsCsvExportUrl(source.spreadsheetId, source.gid);
    case 'google-sheets-api':
      return `Google Sheets API: ${source.spreadsheetId} ${source.range}`;
  }
}

/**
 * The name the fetched file is ingested under: the reader takes the format from it when the options name none.
 * A URL's last path segment when it has an extension, else the connector id (the reader then sniffs the text).
 */
export function sourceFileName(connectorId: string, source: ConnectorSource): string {
  if (source.kind !== 'http') return `${source.spreadsheetId}.csv`;
  const last = decodeURIComponent(new URL(source.url).pathname.split('/').pop() ?? '');
  return /^[^/\\]{1,200}\.[A-Za-z0-9]{1,8}$/.test(last) ? last : connectorId;
}
